package dev.dyad.pass;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The passes and named pipelines that pipeline text can name, each by its argument. Entries are
 * factories: every use in a pipeline gets a fresh instance.
 */
public final class PassRegistry {
  private final TreeMap<String, Supplier<? extends Pass>> passes = new TreeMap<>();
  private final TreeMap<String, Supplier<? extends PassPipeline>> pipelines = new TreeMap<>();

  /** A registry with what every {@link PassProvider} on the class path registers. */
  public static PassRegistry installed() {
    PassRegistry registry = new PassRegistry();
    for (PassProvider provider : ServiceLoader.load(PassProvider.class, PassRegistry.class.getClassLoader())) {
      provider.registerPasses(registry);
    }
    return registry;
  }

  /** Registers a pass; its argument is read from one instance. Names must be unique. */
  public PassRegistry registerPass(Supplier<? extends Pass> factory) {
    String name = factory.get().argument();
    checkFree(name);
    passes.put(name, factory);
    return this;
  }

  public PassRegistry registerPipeline(Supplier<? extends PassPipeline> factory) {
    String name = factory.get().argument();
    checkFree(name);
    pipelines.put(name, factory);
    return this;
  }

  private void checkFree(String name) {
    if (passes.containsKey(name) || pipelines.containsKey(name)) {
      throw new IllegalArgumentException("pass or pipeline '" + name + "' registered twice");
    }
  }

  /** A new instance of the pass named {@code argument}, or null. */
  public Pass createPass(String argument) {
    Supplier<? extends Pass> f = passes.get(argument);
    return f == null ? null : f.get();
  }

  /** A new instance of the pipeline named {@code argument}, or null. */
  public PassPipeline createPipeline(String argument) {
    Supplier<? extends PassPipeline> f = pipelines.get(argument);
    return f == null ? null : f.get();
  }

  public boolean contains(String argument) {
    return passes.containsKey(argument) || pipelines.containsKey(argument);
  }

  /** One new instance of every registered pass, sorted by argument. */
  public List<Pass> passes() {
    return instances(passes.values());
  }

  /** One new instance of every registered pipeline, sorted by argument. */
  public List<PassPipeline> pipelines() {
    return instances(pipelines.values());
  }

  private static <T> List<T> instances(Collection<? extends Supplier<? extends T>> factories) {
    List<T> out = new ArrayList<>();
    for (Supplier<? extends T> f : factories) {
      out.add(f.get());
    }
    return out;
  }
}
