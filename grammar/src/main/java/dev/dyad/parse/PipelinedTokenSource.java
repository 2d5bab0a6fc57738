package dev.dyad.parse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Runs a lexer on its own thread and hands its tokens to the parser in batches, so that lexing
 * a large file overlaps parsing and IR building on a second core. The lexer never reports errors
 * (unknown characters become tokens the parser rejects), so only tokens cross threads.
 */
final class PipelinedTokenSource implements TokenSource, AutoCloseable {
  private static final int BATCH = 4096;
  private static final Token[] END = new Token[0];

  private final Lexer lexer;
  private final BlockingQueue<Token[]> queue = new ArrayBlockingQueue<>(16);
  private final Thread thread;
  private volatile boolean closed;
  private volatile RuntimeException failure;
  private Token[] batch = new Token[0];
  private int next;
  private Token eof;

  PipelinedTokenSource(Lexer lexer) {
    this.lexer = lexer;
    this.thread = new Thread(this::lexAll, "cir-lexer");
    thread.setDaemon(true);
    thread.start();
  }

  private void lexAll() {
    try {
      Token[] buf = new Token[BATCH];
      int n = 0;
      while (!closed) {
        Token t = lexer.nextToken();
        buf[n++] = t;
        boolean atEof = t.getType() == Token.EOF;
        if (n == BATCH || atEof) {
          offer(n == BATCH ? buf : java.util.Arrays.copyOf(buf, n));
          buf = new Token[BATCH];
          n = 0;
        }
        if (atEof) {
          return;
        }
      }
    } catch (RuntimeException e) {
      failure = e;
      try {
        offer(END);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void offer(Token[] tokens) throws InterruptedException {
    while (!closed && !queue.offer(tokens, 100, TimeUnit.MILLISECONDS)) {
      // The parser is slower; wait for room unless it has stopped.
    }
  }

  @Override
  public Token nextToken() {
    if (eof != null) {
      return eof;
    }
    if (next == batch.length) {
      batch = take();
      next = 0;
    }
    Token t = batch[next++];
    if (t.getType() == Token.EOF) {
      eof = t;
    }
    return t;
  }

  private Token[] take() {
    try {
      Token[] b = queue.take();
      if (b == END) {
        throw failure;
      }
      return b;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for tokens", e);
    }
  }

  /** Stops the lexer thread (e.g. when parsing stops at an error). */
  @Override
  public void close() {
    closed = true;
    queue.clear();
  }

  @Override
  public int getLine() {
    return eof != null ? eof.getLine() : 0;
  }

  @Override
  public int getCharPositionInLine() {
    return eof != null ? eof.getCharPositionInLine() : 0;
  }

  @Override
  public CharStream getInputStream() {
    return lexer.getInputStream();
  }

  @Override
  public String getSourceName() {
    return lexer.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    throw new UnsupportedOperationException("the token factory is fixed before lexing starts");
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return lexer.getTokenFactory();
  }
}
