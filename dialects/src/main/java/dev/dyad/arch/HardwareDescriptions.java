package dev.dyad.arch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where hardware descriptions come from: the presets shipped under {@code arch/} on the class
 * path, JSON files, or either by name ({@link #resolve}). Every failure is an {@link
 * ArchException} with messages for users.
 */
public final class HardwareDescriptions {
  /** The presets, in the order listings show them; {@code arch/NAME.json} must exist for each. */
  private static final List<String> PRESETS = List.of("dynaplasia", "prime", "puma", "isscc21-jia", "jain21");
  private static final Map<String, HardwareDescription> LOADED = new ConcurrentHashMap<>();

  private HardwareDescriptions() {}

  public static List<String> presetNames() {
    return PRESETS;
  }

  /** The preset {@code name}, e.g. {@code dynaplasia}. */
  public static HardwareDescription preset(String name) throws ArchException {
    if (!PRESETS.contains(name)) {
      throw new ArchException("unknown hardware preset '" + name + "' (presets: " + String.join(", ", PRESETS) + ")");
    }
    HardwareDescription cached = LOADED.get(name);
    if (cached != null) {
      return cached;
    }
    String resource = "arch/" + name + ".json";
    byte[] json;
    try (InputStream in = HardwareDescriptions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("preset " + resource + " is missing from the class path");
      }
      json = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read preset " + resource, e);
    }
    HardwareDescription d = DescriptionReader.read(resource, json);
    if (!d.name().equals(name)) {
      throw new IllegalStateException(resource + " is named '" + d.name() + "'");
    }
    LOADED.put(name, d);
    return d;
  }

  /** The description in the JSON file {@code file}; messages name the file as given. */
  public static HardwareDescription load(Path file) throws ArchException {
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ArchException("cannot read '" + file + "': no such file");
    } catch (AccessDeniedException e) {
      throw new ArchException("cannot read '" + file + "': permission denied");
    } catch (IOException e) {
      String why = Files.isDirectory(file) ? "is a directory" : e.getMessage();
      throw new ArchException("cannot read '" + file + "': " + why);
    }
    return parse(file.toString(), json);
  }

  /** The description in {@code json}; {@code fileName} names it in messages. */
  public static HardwareDescription parse(String fileName, byte[] json) throws ArchException {
    return DescriptionReader.read(fileName, json);
  }

  /**
   * A preset by name, else the JSON file at that path: what {@code --arch=NAME|FILE} accepts. A
   * word that is neither a preset nor a file is reported as such, not as a missing file.
   */
  public static HardwareDescription resolve(String nameOrFile) throws ArchException {
    if (PRESETS.contains(nameOrFile)) {
      return preset(nameOrFile);
    }
    Path path;
    try {
      path = Path.of(nameOrFile);
    } catch (InvalidPathException e) {
      throw new ArchException("cannot read '" + nameOrFile + "': invalid path");
    }
    boolean looksLikePath = nameOrFile.contains("/") || nameOrFile.contains(java.io.File.separator)
        || nameOrFile.endsWith(".json");
    if (nameOrFile.isBlank() || !looksLikePath && !Files.exists(path)) {
      throw new ArchException("'" + nameOrFile + "' is neither a hardware preset (" + String.join(", ", PRESETS)
          + ") nor a file");
    }
    return load(path);
  }
}
