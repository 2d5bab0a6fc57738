package dev.dyad.arch;

import java.util.List;

/**
 * A hardware description could not be loaded. Carries every problem found, each a complete
 * one-line message naming the file and the field ({@code prime.json: arrays.value: must be
 * positive, got -3}), for tools to print as they are.
 */
public final class ArchException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> messages;

  public ArchException(List<String> messages) {
    super(String.join("\n", messages), null, false, false);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("an ArchException needs at least one message");
    }
    this.messages = List.copyOf(messages);
  }

  public ArchException(String message) {
    this(List.of(message));
  }

  /** The problems, in the order they were found. */
  public List<String> messages() {
    return messages;
  }
}
