package dev.dyad.pass;

/**
 * Registers a module's passes and pipelines. Implementations are found with
 * {@link java.util.ServiceLoader}: list them in
 * {@code META-INF/services/dev.dyad.pass.PassProvider} of their module.
 */
public interface PassProvider {
  void registerPasses(PassRegistry registry);
}
