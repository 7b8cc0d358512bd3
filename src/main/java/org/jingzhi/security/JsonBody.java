package org.jingzhi.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A JSON request body read once, so that it can be screened and then handed on unchanged. */
record JsonBody(byte[] bytes, HttpServletRequest request, HttpServletRequest original) {

  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  /** The body, or null when it is larger than {@code limit} bytes. An empty body becomes {@code {}}. */
  static JsonBody read(HttpServletRequest request, int limit) throws IOException {
    if (request.getContentLengthLong() > limit) {
      return null;
    }
    byte[] bytes = request.getInputStream().readNBytes(limit + 1);
    if (bytes.length > limit) {
      return null;
    }
    byte[] body = new String(bytes, StandardCharsets.UTF_8).isBlank() ? EMPTY_OBJECT : bytes;
    return new JsonBody(body, new Replay(request, body), request);
  }

  /** The same request with another body, for a repair the screening made. */
  JsonBody with(byte[] repaired) {
    return new JsonBody(repaired, new Replay(original, repaired), original);
  }

  private static final class Replay extends HttpServletRequestWrapper {

    private final byte[] body;

    Replay(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
