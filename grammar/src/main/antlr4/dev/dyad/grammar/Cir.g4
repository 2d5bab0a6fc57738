/*
 * Cir.g4 -- grammar of Dyad's textual IR (.cir): MLIR 22's *generic* operation
 * syntax plus the builtin types, attributes and locations.
 *
 * Design decisions
 * ----------------
 * 1. Combined grammar, no lexer modes, no semantic predicates, no actions.
 *    Everything that MLIR's hand-written lexer does context-sensitively is
 *    solved by "fused" tokens, i.e. one token that swallows the
 *    context-dependent part, chosen by ANTLR's longest-match rule.  (Lexer
 *    modes would need a split lexer/parser grammar and a zero-width mode exit
 *    for `tensor<f32>`, i.e. Java code in the lexer; fused tokens need
 *    neither and produce fewer tokens, which is what makes the lexer fast.)
 *
 *    - Shapes.  MLIR splits `2x?x3xf32` by re-lexing after each `x`; an
 *      ANTLR lexer cannot, and `0xf32` would even lex as a hex integer.  So
 *      the opening of a shaped type carries its whole dimension list:
 *      TENSOR_OPEN = `tensor<2x?x3x`, VECTOR_OPEN = `vector<4x[8]x`,
 *      MEMREF_OPEN = `memref<?x4x`, UNRANKED_TENSOR_OPEN = `tensor<*x`.
 *      The element type follows as ordinary tokens.  The builder reads the
 *      dimensions from the token text (see CirTokens.shape).  Whitespace and
 *      comments inside (`tensor< 2 x f32>`) are accepted like MLIR does.
 *      `tensor`/`memref`/`vector` not followed by `<` stay BARE_IDs, so they
 *      remain usable as dictionary keys.
 *    - Dialect types/attributes with a body.  MLIR keeps `<...>` bodies of
 *      `!d.t<...>`, `!d<"...">`, `#d.a<...>`, `#d<...>` as raw text whose
 *      brackets (<> () [] {}) must balance, `->` does not close, and strings
 *      are skipped.  DIALECT_TYPE_BODY / DIALECT_ATTR_BODY match exactly that
 *      with a recursive lexer fragment, so the token text *is* the verbatim
 *      source (whitespace included; CirTokens.dialectSymbol splits it).  As
 *      in MLIR the `<` must follow the identifier immediately.
 *    - `%x#1`: `#1` is its own token (HASH_NUM), so `%x #1` also works.
 *    - `#foo` (alias, no dot) vs `#foo.bar` (dialect attribute) are distinct
 *      tokens (ATTR_ALIAS_ID vs DIALECT_ATTR_ID); same for `!`.
 *
 * 2. Keywords are tokens only where the grammar needs them (builtin type
 *    names, attribute/location keywords).  Since MLIR accepts any keyword as a
 *    bare identifier in dictionary keys, resource keys and affine dim/symbol
 *    names, those positions use the `bareId` rule, which lists every keyword
 *    token.  The location words `unknown`, `callsite`, `fused`, `at` are plain
 *    identifiers in MLIR but tokens here (and also accepted by bareId).
 *
 * 3. SLL-friendly.  Every decision is LL(1) except four LL(2) ones
 *    (`-`INTEGER vs `-`FLOAT in attribute/denseElement/arrayElement, STRING
 *    `:` vs STRING in location).  The optional trailing `: type` of integer,
 *    float, string and dialect attributes never conflicts because no
 *    attribute position is followed by `:`.  Affine constraints use one alternative plus a relation
 *    token (`>` `=`, `<` `=`, `=` `=`) so no unbounded lookahead is needed.
 *    The only left-recursive rule is affineExpr (precedence climbing).
 *
 * 4. Parse tree for builders: labelled alternatives for every rule with more
 *    than one concept (types, attributes, locations, dense elements, affine
 *    expressions); pass-through rules (`type`, `functionResults`) have a
 *    single child.  Every literal token has a lexer rule, so errors read
 *    "expecting '{'" and never mention T__n.
 *
 * 5. Custom operation forms.  `operation` is
 *    `opResultList? (genericOperation | customOperation) trailingLocation?`.
 *    A custom form is `dialect.op` (a BARE_ID) followed by whatever the op's
 *    declarative assembly format says, e.g. `%a, %b : i32` or
 *    `%x {...} -> tensor<4xf32>`.  That syntax differs per op, so no fixed rule
 *    can describe it, and like MLIR's syntax it has no terminator: the next op
 *    may start with `%x =`, a bare op name or `"generic.op"(` on the same or the
 *    next line, and bodies contain regions, dictionaries and types whose
 *    brackets nest.  The body is therefore parsed *by the op's format*, exactly
 *    as MLIR's generated parsers do: `customBody` is an empty rule, and when the
 *    parser enters it the IR builder (a parse listener) runs the format engine,
 *    which reads precisely the tokens the format asks for from the shared token
 *    stream, parsing types, attributes and regions with nested parsers over the
 *    same stream (nested ops in those regions are built by the same listener).
 *    When the body is done, this parser continues with the trailing location
 *    and the next operation.  The op must be registered (the context is known
 *    while parsing); an unknown one is reported as MLIR does ("custom op 'x.y'
 *    is unknown").  Alternatives considered: delimiting the body by the end of
 *    the line outside brackets needs newline tokens on a hidden channel that
 *    the unbuffered token stream cannot skip, and would reject valid MLIR (a
 *    custom op split over lines, two ops on one line); a balanced-token bag
 *    cannot tell `{...}` regions from `{...}` dictionaries.  Reading by the
 *    format costs nothing for generic ops: one LL(1) decision (STRING vs
 *    BARE_ID) and no change to the lexer.  Without the format engine (a bare
 *    CirParser) a custom op parses as its name only.
 *
 * The `// -----` split marker is an ordinary comment here; splitting is the
 * tool's job.
 */
grammar Cir;

// =============================================================================
// Top level
// =============================================================================

toplevel
    : (operation | attributeAliasDef | typeAliasDef | fileMetadata)* EOF
    ;

// `#name = attribute`; aliases may be used before their definition only for
// locations (`loc(#loc3)`), which is a builder concern, not a syntactic one.
attributeAliasDef
    : name=(ATTR_ALIAS_ID | HASH_NUM) '=' attribute
    ;

// `!name = type`
typeAliasDef
    : TYPE_ALIAS_ID '=' type
    ;

// {-# dialect_resources: { builtin: { blob1: "0x..." } }, external_resources: {...} #-}
fileMetadata
    : '{-#' (fileMetadataEntry (',' fileMetadataEntry)*)? '#-}'
    ;

fileMetadataEntry
    : key=bareId ':' '{' (resourceGroup (',' resourceGroup)*)? '}'
    ;

// One dialect (or external tool) and its resources.
resourceGroup
    : name=bareId ':' '{' (resourceEntry (',' resourceEntry)*)? '}'
    ;

resourceEntry
    : resourceHandle ':' resourceValue
    ;

resourceValue
    : STRING                #stringResourceValue
    | value=('true' | 'false') #boolResourceValue
    ;

resourceHandle
    : bareId
    | STRING
    ;

// =============================================================================
// Operations, regions, blocks
// =============================================================================

operation
    : opResultList? (genericOperation | customOperation) trailingLocation?
    ;

// `dialect.op` then the op's custom syntax, which its assembly format defines (see note 5).
customOperation
    : name=BARE_ID customBody
    ;

// Empty: marks where the IR builder's format engine reads the body from the token stream.
customBody
    :
    ;

// `%a, %b:2 =`
opResultList
    : opResult (',' opResult)* '='
    ;

opResult
    : VALUE_ID (':' count=INTEGER)?
    ;

// "dialect.op"(%x, %y#1) [^bb1] <{props}> ({...}) {attrs} : (T) -> T
genericOperation
    : name=STRING '(' valueUseList? ')' successorList? properties? regionList? dictionary? ':' functionType
    ;

valueUseList
    : valueUse (',' valueUse)*
    ;

// `%x` or `%x#1`
valueUse
    : VALUE_ID HASH_NUM?
    ;

successorList
    : '[' CARET_ID (',' CARET_ID)* ']'
    ;

// `<` attribute `>`: normally a dictionary, but MLIR accepts any attribute.
properties
    : '<' attribute '>'
    ;

regionList
    : '(' region (',' region)* ')'
    ;

// The entry block's label is optional; `{}` is an empty region.
region
    : '{' entryBlock? block* '}'
    ;

// Entry block without a label (no arguments).
entryBlock
    : operation+
    ;

block
    : blockLabel operation*
    ;

// `^bb0(%a: i32 loc(...), %b: f32):`
blockLabel
    : CARET_ID blockArgList? ':'
    ;

blockArgList
    : '(' (blockArg (',' blockArg)*)? ')'
    ;

blockArg
    : VALUE_ID ':' type trailingLocation?
    ;

trailingLocation
    : 'loc' '(' location ')'
    ;

// =============================================================================
// Locations
// =============================================================================

location
    : 'unknown'                                                         #unknownLocation
    | file=STRING ':' line=INTEGER
        (':' column=INTEGER ('to' endLine=INTEGER? ':' endColumn=INTEGER)?)?
                                                                        #fileLineColLocation
    | name=STRING ('(' child=location ')')?                             #nameLocation
    | 'callsite' '(' callee=location 'at' caller=location ')'           #callSiteLocation
    | 'fused' ('<' metadata=attribute '>')? '[' (location (',' location)*)? ']'
                                                                        #fusedLocation
    | name=(ATTR_ALIAS_ID | HASH_NUM)                                   #locationAliasRef
    | symbol=(DIALECT_ATTR_ID | DIALECT_ATTR_BODY) (':' type)?         #dialectLocation
    ;

// =============================================================================
// Types
// =============================================================================

type
    : functionType
    | nonFunctionType
    ;

// `(T, T) -> T`, `() -> (T, T)`, `(T) -> ((T) -> T)`
functionType
    : inputs=typeListParens '->' results=functionResults
    ;

functionResults
    : typeListParens
    | nonFunctionType
    ;

typeListParens
    : '(' (type (',' type)*)? ')'
    ;

nonFunctionType
    : INT_TYPE                                                          #integerType
    | FLOAT_TYPE                                                        #floatType
    | 'index'                                                           #indexType
    | 'none'                                                            #noneType
    | 'complex' '<' elementType=type '>'                                #complexType
    | 'tuple' '<' (type (',' type)*)? '>'                               #tupleType
    // TENSOR_OPEN carries the (possibly empty) dimension list: `tensor<2x?x`
    | TENSOR_OPEN elementType=type (',' encoding=attribute)? '>'        #rankedTensorType
    | UNRANKED_TENSOR_OPEN elementType=type '>'                         #unrankedTensorType
    // Layout and memory space are both plain attributes; MLIR tells them apart
    // semantically (a MemRefLayoutAttrInterface attribute is the layout).
    | MEMREF_OPEN elementType=type (',' attribute)* '>'                 #rankedMemRefType
    | UNRANKED_MEMREF_OPEN elementType=type (',' memorySpace=attribute)? '>'
                                                                        #unrankedMemRefType
    | VECTOR_OPEN elementType=type '>'                                  #vectorType
    | TYPE_ALIAS_ID                                                     #typeAliasRef
    // `!d.t`, `!d.t<body>`, `!d<body>`: the token text is the verbatim source.
    | symbol=(DIALECT_TYPE_ID | DIALECT_TYPE_BODY)                      #dialectType
    ;

// =============================================================================
// Attributes
// =============================================================================

attribute
    : name=(ATTR_ALIAS_ID | HASH_NUM)                                   #attributeAliasRef
    // `#d.a`, `#d.a<body>`, `#d<body>`: the token text is the verbatim source.
    // Like MLIR, a dialect attribute (not an alias) may carry a trailing `: type`.
    | symbol=(DIALECT_ATTR_ID | DIALECT_ATTR_BODY) (':' type)?         #dialectAttribute
    | '-'? INTEGER (':' type)?                                          #integerAttribute
    | '-'? FLOAT (':' type)?                                            #floatAttribute
    | value=('true' | 'false')                                          #boolAttribute
    | STRING (':' type)?                                                #stringAttribute
    | 'unit'                                                            #unitAttribute
    | '[' (attribute (',' attribute)*)? ']'                             #arrayAttribute
    | dictionary                                                        #dictionaryAttribute
    | symbolRef                                                         #symbolRefAttribute
    | type                                                              #typeAttribute
    | 'dense' '<' denseLiteral? '>' ':' type                            #denseElementsAttribute
    | 'dense_resource' '<' resourceHandle '>' ':' type                  #denseResourceAttribute
    | 'sparse' '<' (indices=denseLiteral ',' values=denseLiteral)? '>' ':' type
                                                                        #sparseElementsAttribute
    | 'array' '<' elementType=type (':' arrayElement (',' arrayElement)*)? '>'
                                                                        #denseArrayAttribute
    | 'affine_map' '<' affineMap '>'                                    #affineMapAttribute
    | 'affine_set' '<' integerSet '>'                                   #integerSetAttribute
    | 'strided' '<' '[' (strideOrOffset (',' strideOrOffset)*)? ']'
        (',' 'offset' ':' offsetValue=strideOrOffset)? '>'              #stridedLayoutAttribute
    | 'distinct' '[' id=INTEGER ']' '<' referenced=attribute? '>'       #distinctAttribute
    | 'loc' '(' location ')'                                            #locationAttribute
    ;

// `{a = 1, "quoted key" = 2, unitkey}`
dictionary
    : '{' (dictionaryEntry (',' dictionaryEntry)*)? '}'
    ;

// A key without `= value` is a unit attribute.
dictionaryEntry
    : (name=bareId | quotedName=STRING) ('=' value=attribute)?
    ;

// `@foo`, `@"quoted"`, `@a::@b::@c` (MLIR also accepts `@a : : @b`)
symbolRef
    : SYMBOL_ID (('::' | ':' ':') SYMBOL_ID)*
    ;

// Literal of dense<...> / sparse<...>: a (nested) list or a single element
// (splat, or a hex blob string "0x...").
denseLiteral
    : '[' (denseLiteral (',' denseLiteral)*)? ']'                       #denseList
    | denseElement                                                      #denseScalar
    ;

denseElement
    : '-'? INTEGER                                                      #denseIntElement
    | '-'? FLOAT                                                        #denseFloatElement
    | value=('true' | 'false')                                          #denseBoolElement
    | STRING                                                            #denseStringElement
    | '(' real=denseElement ',' imag=denseElement ')'                   #denseComplexElement
    ;

// Element of array<T: ...>
arrayElement
    : '-'? INTEGER                                                      #arrayIntElement
    | '-'? FLOAT                                                        #arrayFloatElement
    | value=('true' | 'false')                                          #arrayBoolElement
    ;

strideOrOffset
    : '?'                                                               #dynamicStrideOrOffset
    | '-'? INTEGER                                                      #staticStrideOrOffset
    ;

// =============================================================================
// Affine maps and integer sets
// =============================================================================

// (d0, d1)[s0] -> (d0 + s0, d1)
affineMap
    : dims=affineDimList symbols=affineSymbolList? '->' '(' (affineExpr (',' affineExpr)*)? ')'
    ;

// (d0)[s0] : (d0 - s0 >= 0, d0 == 0)
integerSet
    : dims=affineDimList symbols=affineSymbolList? ':' '(' (affineConstraint (',' affineConstraint)*)? ')'
    ;

affineDimList
    : '(' (bareId (',' bareId)*)? ')'
    ;

affineSymbolList
    : '[' (bareId (',' bareId)*)? ']'
    ;

// `lhs >= rhs`, `lhs <= rhs`, `lhs == rhs`: `relation` is the first token of
// the two-token operator (`>`, `<` or `=`).
affineConstraint
    : lhs=affineExpr relation=('>' | '<' | '=') '=' rhs=affineExpr
    ;

// Precedence (tightest first): unary minus, then * floordiv ceildiv mod, then
// + -.  All binary operators are left-associative.  Identifiers may be any
// bare identifier (MLIR 22 even accepts keywords such as `mod` here).
affineExpr
    : '-' operand=affineExpr                                            #affineNegExpr
    | lhs=affineExpr op=('*' | 'floordiv' | 'ceildiv' | 'mod') rhs=affineExpr
                                                                        #affineMulExpr
    | lhs=affineExpr op=('+' | '-') rhs=affineExpr                      #affineAddExpr
    | '(' affineExpr ')'                                                #affineParenExpr
    | bareId                                                            #affineIdExpr
    | INTEGER                                                           #affineConstExpr
    ;

// =============================================================================
// Identifiers
// =============================================================================

// Any bare identifier, including every keyword token (MLIR accepts keywords
// as dictionary keys, resource keys and affine identifiers).
bareId
    : BARE_ID
    | INT_TYPE
    | FLOAT_TYPE
    | 'affine_map' | 'affine_set' | 'array' | 'at' | 'callsite' | 'ceildiv'
    | 'complex' | 'dense' | 'dense_resource' | 'distinct' | 'false'
    | 'floordiv' | 'fused' | 'index' | 'loc' | 'mod' | 'none' | 'offset'
    | 'sparse' | 'strided' | 'to' | 'true' | 'tuple' | 'unit' | 'unknown'
    ;

// =============================================================================
// Lexer
// =============================================================================

// ---- Punctuation (MLIR's full set) ------------------------------------------
FILE_METADATA_BEGIN : '{-#' ;
FILE_METADATA_END   : '#-}' ;
ARROW        : '->' ;
COLON_COLON  : '::' ;
COLON        : ':' ;
COMMA        : ',' ;
ELLIPSIS     : '...' ;
EQUAL        : '=' ;
LESS         : '<' ;
GREATER      : '>' ;
LPAREN       : '(' ;
RPAREN       : ')' ;
LBRACE       : '{' ;
RBRACE       : '}' ;
LBRACKET     : '[' ;
RBRACKET     : ']' ;
MINUS        : '-' ;
PLUS         : '+' ;
STAR         : '*' ;
QUESTION     : '?' ;
SLASH        : '/' ;
VERTICAL_BAR : '|' ;

// ---- Shaped types: opening bracket fused with the dimension list -----------
// `tensor<` + zero or more `dim x` (dim = integer | `?`)
TENSOR_OPEN          : 'tensor' TRIVIA_F* '<' (TRIVIA_F* SHAPE_F)? ;
UNRANKED_TENSOR_OPEN : 'tensor' TRIVIA_F* '<' TRIVIA_F* '*' TRIVIA_F* 'x' ;
MEMREF_OPEN          : 'memref' TRIVIA_F* '<' (TRIVIA_F* SHAPE_F)? ;
UNRANKED_MEMREF_OPEN : 'memref' TRIVIA_F* '<' TRIVIA_F* '*' TRIVIA_F* 'x' ;
// `vector<` + zero or more `dim x` (dim = integer | `[` integer `]`)
VECTOR_OPEN          : 'vector' TRIVIA_F* '<' (TRIVIA_F* VECTOR_SHAPE_F)? ;

// ---- Builtin type names -----------------------------------------------------
INT_TYPE   : ('i' | 'si' | 'ui') DIGIT+ ;
FLOAT_TYPE
    : 'f16' | 'bf16' | 'f32' | 'f64' | 'f80' | 'f128' | 'tf32'
    | 'f8E5M2' | 'f8E4M3' | 'f8E4M3FN' | 'f8E5M2FNUZ' | 'f8E4M3FNUZ'
    | 'f8E4M3B11FNUZ' | 'f8E3M4' | 'f8E8M0FNU'
    | 'f4E2M1FN' | 'f6E2M3FN' | 'f6E3M2FN'
    ;

// ---- Keywords (must precede BARE_ID: ties go to the earlier rule) -----------
AFFINE_MAP     : 'affine_map' ;
AFFINE_SET     : 'affine_set' ;
ARRAY          : 'array' ;
AT             : 'at' ;
CALLSITE       : 'callsite' ;
CEILDIV        : 'ceildiv' ;
COMPLEX        : 'complex' ;
DENSE          : 'dense' ;
DENSE_RESOURCE : 'dense_resource' ;
DISTINCT       : 'distinct' ;
FALSE          : 'false' ;
FLOORDIV       : 'floordiv' ;
FUSED          : 'fused' ;
INDEX          : 'index' ;
LOC            : 'loc' ;
MOD            : 'mod' ;
NONE           : 'none' ;
OFFSET         : 'offset' ;
SPARSE         : 'sparse' ;
STRIDED        : 'strided' ;
TO             : 'to' ;
TRUE           : 'true' ;
TUPLE          : 'tuple' ;
UNIT           : 'unit' ;
UNKNOWN        : 'unknown' ;

// ---- Identifiers ------------------------------------------------------------
BARE_ID   : [a-zA-Z_] [a-zA-Z0-9_$.]* ;
VALUE_ID  : '%' SUFFIX_ID_F ;
CARET_ID  : '^' SUFFIX_ID_F ;
SYMBOL_ID : '@' ([a-zA-Z_] [a-zA-Z0-9_$.]* | STRING_F) ;

// `#` ids.  Order matters for equal-length matches: `#12` is HASH_NUM (result
// number or numeric alias), `#foo` an alias, `#foo.bar` a dialect attribute.
HASH_NUM          : '#' DIGIT+ ;
ATTR_ALIAS_ID     : '#' ALIAS_NAME_F ;
DIALECT_ATTR_ID   : '#' SUFFIX_ID_F ;
DIALECT_ATTR_BODY : '#' SUFFIX_ID_F BODY_F ;

// `!` ids: `!foo` / `!0` alias, `!foo.bar` dialect type, `!foo<...>` body.
TYPE_ALIAS_ID     : '!' (DIGIT+ | ALIAS_NAME_F) ;
DIALECT_TYPE_ID   : '!' SUFFIX_ID_F ;
DIALECT_TYPE_BODY : '!' SUFFIX_ID_F BODY_F ;

// ---- Literals ---------------------------------------------------------------
// A float needs a `.` (`1.`, `1.5`, `2.0e-3`); `1e5` is INTEGER + BARE_ID, as in MLIR.
FLOAT   : DIGIT+ '.' DIGIT* ([eE] [+-]? DIGIT+)? ;
INTEGER : DIGIT+ | '0x' HEX_DIGIT+ ;
STRING  : STRING_F ;

// ---- Trivia -----------------------------------------------------------------
LINE_COMMENT : '//' ~[\r\n]* -> skip ;
WS           : [ \t\r\n]+ -> skip ;

// Anything else becomes a token the parser rejects, so a bad character is
// reported as a syntax error at its position instead of being dropped.
UNEXPECTED_CHAR : . ;

// ---- Fragments --------------------------------------------------------------
fragment DIGIT     : [0-9] ;
fragment HEX_DIGIT : [0-9a-fA-F] ;
// Whitespace or a line comment (inside the fused shaped-type tokens).
fragment TRIVIA_F  : [ \t\r\n] | '//' ~[\r\n]* ;

// suffix-id ::= digit+ | (letter|id-punct) (letter|id-punct|digit)*,
// id-punct ::= `$` | `.` | `_` | `-`
fragment SUFFIX_ID_F  : DIGIT+ | [a-zA-Z$._\-] [a-zA-Z0-9$._\-]* ;
// An alias name: a suffix-id without `.` that is not all digits.
fragment ALIAS_NAME_F : [a-zA-Z$_\-] [a-zA-Z0-9$_\-]* ;

fragment SHAPE_F        : SHAPE_DIM_F TRIVIA_F* 'x' (TRIVIA_F* SHAPE_DIM_F TRIVIA_F* 'x')* ;
fragment SHAPE_DIM_F    : DIGIT+ | '?' ;
fragment VECTOR_SHAPE_F : VECTOR_DIM_F TRIVIA_F* 'x' (TRIVIA_F* VECTOR_DIM_F TRIVIA_F* 'x')* ;
fragment VECTOR_DIM_F   : DIGIT+ | '[' TRIVIA_F* DIGIT+ TRIVIA_F* ']' ;

// MLIR string: no raw newline/VT/FF; escapes \" \\ \n \t and \XX (two hex digits).
fragment STRING_F
    : '"' (~["\\\n\u000B\f] | '\\' (["\\nt] | HEX_DIGIT HEX_DIGIT))* '"'
    ;

// Dialect symbol body: balanced <> () [] {}, `->` does not close, strings skipped.
fragment BODY_F : '<' BODY_ITEM_F* '>' ;
fragment BODY_ITEM_F
    : ~[<>()[\]{}"\-]
    | '-'
    | '->'
    | STRING_F
    | BODY_F
    | '(' BODY_ITEM_F* ')'
    | '[' BODY_ITEM_F* ']'
    | '{' BODY_ITEM_F* '}'
    ;
