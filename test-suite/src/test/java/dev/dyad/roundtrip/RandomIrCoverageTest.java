package dev.dyad.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.ir.PrintOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link RandomIr} honest: the round-trip and interop properties are only as strong as the
 * generator, so every kind of type, attribute, location and structure it is meant to produce must
 * show up in the printed text of a modest number of modules.
 */
class RandomIrCoverageTest {
  private static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    // Types.
    KINDS.put("signless integer", "\\bi1\\b");
    KINDS.put("signed integer", "\\bsi\\d+");
    KINDS.put("unsigned integer", "\\bui\\d+");
    KINDS.put("wide integer type", "\\bi(1[0-9][0-9]|[7-9][0-9])\\b");
    KINDS.put("i0", "\\b[su]?i0\\b");
    KINDS.put("index", "\\bindex\\b");
    KINDS.put("none", "\\bnone\\b");
    KINDS.put("f16/bf16/f32/f64", "\\bbf16\\b");
    KINDS.put("tf32", "\\btf32\\b");
    KINDS.put("f8 types", "\\bf8E\\w+");
    KINDS.put("f80", "\\bf80\\b");
    KINDS.put("f128", "\\bf128\\b");
    KINDS.put("f6/f4 types", "\\bf[46]E\\w+");
    KINDS.put("ranked tensor with dynamic dims", "tensor<(\\d+x)*\\?x");
    KINDS.put("tensor with encoding", "tensor<[^<>]*, [^<>]+>");
    KINDS.put("unranked tensor", "tensor<\\*x");
    KINDS.put("0-d vector", "vector<[a-z]");
    KINDS.put("scalable vector", "vector<(\\d+x)*\\[\\d+\\]");
    KINDS.put("memref with strided layout", "memref<[^>]*strided<");
    KINDS.put("memref with affine map layout", "memref<[^>]*#map");
    KINDS.put("memref with integer memory space", "memref<[^<>]*, \\d+ : i32>");
    KINDS.put("memref with string memory space", "memref<[^<>]*, \"shared\">");
    KINDS.put("memref with dictionary memory space", "memref<[^<>]*, \\{space = 3 : i64\\}>");
    KINDS.put("unranked memref", "memref<\\*x");
    KINDS.put("memref of memref", "memref<[^<>]*memref<");
    KINDS.put("complex", "complex<");
    KINDS.put("tuple", "tuple<");
    KINDS.put("empty tuple", "tuple<>");
    KINDS.put("function type with several results", "-> \\([^()]*, [^()]*\\)");
    KINDS.put("opaque type", "!xx\\.\\w+<");
    KINDS.put("quoted opaque type", "!xx<\"");
    // Attributes.
    KINDS.put("typed integer", "= -?\\d+ : [su]?i\\d+");
    KINDS.put("wide integer", "\\d{25,} : [su]?i\\d+");
    KINDS.put("float", "\\d\\.\\d+e[+-]\\d+ : f32");
    KINDS.put("hex float", "0x[0-9A-F]+ : f\\d+");
    KINDS.put("bool", "= true\\b");
    KINDS.put("typed string", "\" : [a-z]");
    KINDS.put("non-UTF-8 string", "\"\\\\FF\\\\80 raw\"");
    KINDS.put("unit", "\\{\\w+[,}]|, \\w+[,}]");
    KINDS.put("type attribute", "= \\(.*\\) -> ");
    KINDS.put("nested symbol reference", "@[\\w\"]+::@");
    KINDS.put("opaque attribute", "#xx\\.\\w+<");
    KINDS.put("quoted opaque attribute", "#xx<\"");
    KINDS.put("array", "= \\[.+\\]");
    KINDS.put("empty array", "= \\[\\]");
    KINDS.put("dictionary", "= \\{\\w+ = ");
    KINDS.put("quoted attribute name", "\"with space\" = ");
    KINDS.put("non-ASCII attribute name", "\"\\\\F0\\\\9F\\\\98\\\\80\" = ");
    for (String t : new String[] {"i1", "i8", "i16", "i32", "i64", "f32", "f64"}) {
      KINDS.put("array<" + t + ">", "array<" + t + ": ");
    }
    KINDS.put("empty dense array", "array<\\w+>");
    KINDS.put("dense splat", "dense<-?\\d+> : tensor");
    KINDS.put("dense nested", "dense<\\[\\[");
    KINDS.put("dense hex (over 100 elements)", "dense<\"0x[0-9A-F]{200,}\">");
    KINDS.put("dense complex", "dense<\\[?\\(");
    KINDS.put("dense bool", "dense<\\[*(true|false)");
    KINDS.put("dense of vector type", "dense<[^>]*> : vector<");
    KINDS.put("dense empty", "dense<> : tensor<");
    KINDS.put("dense wide integers", "dense<\\[?-?\\d{25,}");
    KINDS.put("dense strings", "dense<\\[*\"[^0]");
    KINDS.put("sparse", "sparse<\\[\\[");
    KINDS.put("sparse strings", "sparse<[^>]*\"");
    KINDS.put("empty sparse", "sparse<> : ");
    KINDS.put("dense_resource", "dense_resource<");
    KINDS.put("distinct", "distinct\\[\\d+\\]<[^>]");
    KINDS.put("distinct of unit", "distinct\\[\\d+\\]<>");
    KINDS.put("affine map with symbols", "affine_map<\\([^)]*\\)\\[s0");
    KINDS.put("affine floordiv/ceildiv/mod", "affine_map<.*(floordiv|ceildiv|mod)");
    KINDS.put("affine set with equality", "affine_set<.*== 0");
    KINDS.put("empty affine set", "affine_set<.*\\(1 == 0\\)");
    KINDS.put("standalone strided layout", "= strided<");
    KINDS.put("location attribute", "= (loc\\(|#loc)");
    // Locations (printed with debug info).
    KINDS.put("unknown location", "loc\\(unknown\\)");
    KINDS.put("file location", "loc\\(\"[^\"]*\":\\d+:\\d+\\)");
    KINDS.put("file range over lines", ":\\d+:\\d+ to \\d+:\\d+\\)");
    KINDS.put("file range on one line", ":\\d+:\\d+ to :\\d+\\)");
    KINDS.put("name location with child", "loc\\(\"[^\"]*\"\\(");
    KINDS.put("callsite location", "loc\\(callsite\\(");
    KINDS.put("fused location", "loc\\(fused\\[");
    KINDS.put("fused location with metadata", "loc\\(fused<");
    KINDS.put("escaped file name", "loc\\(\"tab\\\\09nl\\\\0A\"");
    KINDS.put("block argument location", "\\^bb\\d+\\(%\\w+: [^)]* loc\\(");
    // Structure.
    KINDS.put("nested regions", "^\\s{6,}\"");
    KINDS.put("several regions", "\\}, \\{");
    KINDS.put("empty region", "\\(\\{\\n\\s*\\}");
    KINDS.put("block arguments", "\\^bb0\\(%");
    KINDS.put("branch with successor operands", "\"xx.br\"\\(%[^)]*\\)\\[\\^bb");
    KINDS.put("two successors", "\\[\\^bb\\d+, \\^bb\\d+\\]");
    KINDS.put("block with two predecessors", "// 2 preds");
    KINDS.put("multi-result op", "%\\d+:\\d+ = ");
    KINDS.put("use of a result number", "%\\d+#\\d+");
    KINDS.put("dictionary properties", "\\) <\\{");
    KINDS.put("non-dictionary properties", "\\) <[^{]");
    KINDS.put("quoted op name with $", "\"xx.a\\$b\"");
  }

  @Test
  void randomModulesCoverEveryKind() {
    List<String> texts = new ArrayList<>();
    for (int seed = 0; seed < 200; seed++) {
      texts.add(RandomIr.print(seed, 30, PrintOptions.GENERIC.withDebugInfo(true)));
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> k : KINDS.entrySet()) {
      Pattern p = Pattern.compile(k.getValue(), Pattern.MULTILINE);
      if (texts.stream().noneMatch(t -> p.matcher(t).find())) {
        missing.add(k.getKey() + "  (/" + k.getValue() + "/)");
      }
    }
    assertEquals(List.of(), missing, "kinds RandomIr never produced in 200 modules");
  }
}
