package dev.dyad.filecheck;

import java.math.BigInteger;
import java.util.List;

/** Applies -D command-line definitions: {@code NAME=VALUE} for strings, {@code #[FMT,]NAME=EXPR} for numbers. */
final class Defines {
  private Defines() {
  }

  static void apply(List<String> defines, Variables vars) throws CheckFileError {
    int index = 0;
    for (String raw : defines) {
      index++;
      String def = SourceText.toBytes(raw);
      int eq = def.indexOf('=');
      if (eq < 0) {
        throw CheckFileError.plain("Missing equal sign in command-line definition '-D" + raw + "'");
      }
      if (eq == 0 || (def.startsWith("#") && eq == 1)) {
        throw CheckFileError.plain("Missing variable name in command-line definition '-D" + raw + "'");
      }
      String head = "Global define #" + index + ": ";
      if (def.startsWith("#")) {
        defineNumeric(head, def, eq, vars);
      } else {
        SourceText src = new SourceText("Global defines", head + def);
        Cursor name = new Cursor(src, head.length(), head.length() + eq);
        NumericBlockParser.parseVariable(name);
        if (!name.isEmpty() || vars.numeric(def.substring(0, eq)) != null) {
          throw CheckFileError.logged(src, head.length(), head.length(), "invalid variable name");
        }
        vars.declareString(def.substring(0, eq));
        vars.setString(def.substring(0, eq), def.substring(eq + 1));
      }
    }
  }

  private static void defineNumeric(String head, String def, int eq, Variables vars) throws CheckFileError {
    // Parsed as the block [[#FMT,NAME:EXPR]] would be, which FileCheck also does.
    String block = def.substring(1, eq) + ":" + def.substring(eq + 1);
    SourceText src = new SourceText("Global defines", head + block);
    Cursor body = new Cursor(src, head.length(), src.length());
    NumericBlockParser.Block parsed = NumericBlockParser.parse(body, false, null, vars);
    if (parsed.defined() == null || parsed.expr() == null) {
      throw CheckFileError.logged(src, head.length(), head.length(), "invalid numeric variable definition");
    }
    try {
      BigInteger value = parsed.expr().eval(vars, null);
      parsed.defined().value = value;
    } catch (NumericExpr.EvalException e) {
      String what = e.undefined.isEmpty() ? e.getMessage() : e.undefined.get(0).message();
      throw CheckFileError.plain(what);
    }
  }
}
