package dev.dyad.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrCoreTest {
  private final Context ctx = new Context();
  private final Builder b = new Builder(ctx);
  private final Location loc = Location.UNKNOWN;
  private static final Type I32 = IntegerType.I32;

  private Operation module() {
    OperationState st = b.state("builtin.module", loc);
    st.addRegion().addBlock();
    return Operation.create(st);
  }

  private Operation op(String name, List<Value> operands, int results) {
    List<Type> types = new ArrayList<>();
    for (int i = 0; i < results; i++) {
      types.add(I32);
    }
    return b.create(loc, name, operands, types, List.of());
  }

  @Test
  void useListsFollowEveryMutation() {
    Operation m = module();
    b.setInsertionPointToEnd(m.getRegion(0).front());
    Operation a = op("t.a", List.of(), 1);
    Operation c = op("t.c", List.of(), 1);
    Operation user = op("t.u", List.of(a.getResult(0), a.getResult(0)), 0);
    assertEquals(2, a.getResult(0).getNumUses());
    user.setOperand(1, c.getResult(0));
    assertEquals(1, a.getResult(0).getNumUses());
    assertEquals(1, c.getResult(0).getNumUses());
    a.getResult(0).replaceAllUsesWith(c.getResult(0));
    assertTrue(a.getResult(0).useEmpty());
    assertEquals(2, c.getResult(0).getNumUses());
    assertThrows(IllegalStateException.class, c::erase);
    user.erase();
    assertTrue(c.getResult(0).useEmpty());
    c.erase();
    a.erase();
    assertTrue(m.getRegion(0).front().isEmpty());
  }

  @Test
  void movingOpsKeepsOrderQueriesCorrect() {
    Operation m = module();
    Block body = m.getRegion(0).front();
    b.setInsertionPointToEnd(body);
    Operation x = op("t.x", List.of(), 0);
    Operation y = op("t.y", List.of(), 0);
    Operation z = op("t.z", List.of(), 0);
    assertTrue(x.isBeforeInBlock(z));
    z.moveBefore(x);
    assertTrue(z.isBeforeInBlock(x));
    assertSame(z, body.front());
    assertSame(y, body.back());
    x.moveAfter(y);
    assertSame(x, body.back());
    assertEquals(3, body.size());
  }

  @Test
  void cloneRemapsNestedUsesAndSuccessors() {
    Operation m = module();
    b.setInsertionPointToEnd(m.getRegion(0).front());
    OperationState st = b.state("t.func", loc);
    Region r = st.addRegion();
    Operation f = b.create(st);
    Block entry = b.createBlock(r, List.of(I32), loc);
    Block next = r.addBlock();
    BlockArgument nextArg = next.addArgument(I32, loc);
    OperationState br = b.state("t.br", loc);
    br.addOperand(entry.getArgument(0)).addSuccessor(next);
    b.create(br);
    b.setInsertionPointToEnd(next);
    op("t.ret", List.of(nextArg), 0);

    Operation copy = f.clone();
    Block copyEntry = copy.getRegion(0).front();
    Block copyNext = copy.getRegion(0).getBlocks().get(1);
    Operation copyBr = copyEntry.front();
    assertSame(copyEntry.getArgument(0), copyBr.getOperand(0));
    assertSame(copyNext, copyBr.getSuccessor(0));
    assertSame(copyNext.getArgument(0), copyNext.front().getOperand(0));
    assertEquals(List.of(copyEntry), copyNext.getPredecessors());
    assertEquals(f.toString(), copy.toString().replace("", ""));
  }

  @Test
  void walkOrders() {
    Operation m = module();
    b.setInsertionPointToEnd(m.getRegion(0).front());
    OperationState st = b.state("t.outer", loc);
    Region r = st.addRegion();
    b.create(st);
    b.createBlock(r, List.of(), loc);
    op("t.inner", List.of(), 0);
    List<String> post = new ArrayList<>();
    m.walk(o -> post.add(o.getNameString()));
    assertEquals(List.of("t.inner", "t.outer", "builtin.module"), post);
    List<String> pre = new ArrayList<>();
    m.walkPreOrder(o -> pre.add(o.getNameString()));
    assertEquals(List.of("builtin.module", "t.outer", "t.inner"), pre);
  }

  @Test
  void splitBlockAndAttributes() {
    Operation m = module();
    Block body = m.getRegion(0).front();
    b.setInsertionPointToEnd(body);
    Operation x = op("t.x", List.of(), 0);
    Operation y = op("t.y", List.of(), 0);
    Block tail = body.splitBlock(y);
    assertSame(x, body.back());
    assertSame(y, tail.front());
    assertSame(body, y.getBlock() == tail ? body : null);
    x.setAttr("k", IntegerAttr.i64(3));
    assertEquals(IntegerAttr.i64(3), x.getAttr("k"));
    x.removeAttr("k");
    assertNull(x.getAttr("k"));
    assertFalse(x.getAttrDictionary().contains("k"));
  }
}
