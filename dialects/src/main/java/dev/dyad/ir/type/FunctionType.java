package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import java.util.List;

/** {@code (inputs) -> results}; also the type signature of every operation in generic form. */
public record FunctionType(List<Type> inputs, List<Type> results) implements Type {
  public FunctionType {
    inputs = List.copyOf(inputs);
    results = List.copyOf(results);
  }

  @Override
  public void print(AsmPrinter p) {
    p.append('(');
    p.printTypeList(inputs);
    p.append(") -> ");
    p.printFunctionResults(results);
  }
}
