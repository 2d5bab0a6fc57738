package dev.dyad.pass;

/**
 * A named pipeline (MLIR's {@code PassPipelineRegistration}): a name usable in pipeline text that
 * expands to passes, possibly depending on its options.
 */
public abstract class PassPipeline {
  /** This pipeline's options; declare them as fields initialised from this. */
  protected final PassOptions options = new PassOptions();

  /** The name in pipelines. */
  public abstract String argument();

  public abstract String summary();

  public String description() {
    return "";
  }

  /** Adds this pipeline's passes to {@code pm}, whose anchor is where the name appeared. */
  public abstract void build(OpPassManager pm, PassRegistry registry) throws PipelineException;

  public final PassOptions options() {
    return options;
  }

  /** A pipeline without options that expands to {@code text}, e.g. {@code "cse,canonicalize"}. */
  public static PassPipeline ofText(String argument, String summary, String text) {
    return new PassPipeline() {
      @Override
      public String argument() {
        return argument;
      }

      @Override
      public String summary() {
        return summary;
      }

      @Override
      public String description() {
        return "Expands to: " + text;
      }

      @Override
      public void build(OpPassManager pm, PassRegistry registry) throws PipelineException {
        PipelineParser.parseInto(pm, text, registry);
      }
    };
  }
}
