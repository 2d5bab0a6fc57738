/**
 * An in-JVM clone of LLVM 22's FileCheck. Entry points: {@link dev.dyad.filecheck.FileCheck#run} (library) and
 * {@link dev.dyad.filecheck.FileCheck#main} (the {@code filecheck} command).
 *
 * <p>Pipeline: both buffers are canonicalised ({@code FileCheck.canonicalize}); {@code CheckFileParser} finds
 * directives and builds {@code CheckString}s whose {@code Pattern}s come from {@code PatternParser} (regexes are
 * kept in LLVM's ERE syntax and translated by {@code PosixRegex}); {@code Checker} matches them block by block
 * and reports through {@code Diagnostics}, which renders messages exactly like LLVM's SourceMgr.
 */
package dev.dyad.filecheck;
