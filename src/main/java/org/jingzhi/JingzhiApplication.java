package org.jingzhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class JingzhiApplication {

  public static void main(String[] args) {
    SpringApplication.run(JingzhiApplication.class, args);
  }
}
