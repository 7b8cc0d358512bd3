package org.jingzhi.webapps;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Fills Camunda Forms (form-js) fields by their component ids ({@code <key>Field}). */
final class Forms {

  private final Browser browser;

  Forms(Browser browser) {
    this.browser = browser;
  }

  private By field(String key) {
    return By.cssSelector("[id$='-" + key + "Field']");
  }

  /**
   * Types into an empty field and leaves it: form-js takes typed text into the form after a short
   * delay, or at once when the field loses focus.
   */
  void type(String key, String text) {
    WebElement input = browser.clickable(field(key));
    // focused, not clicked: a form still moving as it renders can put the footer over the click point
    browser.script("arguments[0].focus();", input);
    input.sendKeys(text);
    browser.wait.until(driver -> text.equals(browser.await(field(key)).getAttribute("value")));
    input.sendKeys(Keys.TAB);
  }

  void select(String key, String label) {
    WebElement container = browser.await(By.xpath("//*[@id[substring(., string-length(.) - string-length('-" + key + "Field') + 1) = '-"
        + key + "Field']]/ancestor::*[contains(@class,'fjs-form-field')][1]"));
    container.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")).click();
    browser.clickable(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']")).click();
  }

  /** Picks the option of a radio group by its label, as a clerk does (the form may still be moving as it renders). */
  void radio(String key, String label) {
    WebElement option = browser.clickable(By.xpath("//label[contains(@for,'-" + key + "Field-') and normalize-space(.)='" + label + "']"));
    WebElement input = browser.driver.findElement(By.id(option.getAttribute("for")));
    browser.script("arguments[0].click();", input);
    browser.wait.until(driver -> input.isSelected());
  }

  /** Ticks the option of a checklist by its label. */
  void check(String key, String label) {
    WebElement option = browser.clickable(By.xpath("//label[contains(@for,'-" + key + "Field-') and normalize-space(.)='" + label + "']"));
    WebElement input = browser.driver.findElement(By.id(option.getAttribute("for")));
    browser.script("arguments[0].click();", input);
    browser.wait.until(driver -> input.isSelected());
  }

  String readOnlyValue(String key) {
    return browser.await(field(key)).getAttribute("value");
  }
}
