package dev.shifter.report.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The HTML page being written: sections with a "how to read" sentence, paragraphs, tables and PNG
 * images embedded as {@code data:} URIs. Every text is escaped; the page has no script and loads
 * nothing from elsewhere.
 */
public final class Page {
  private static final String CSS = """
      body { margin: 0; background: #f5f6f8; color: #1f2328; line-height: 1.45;
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      header { background: #263238; color: #fff; padding: 22px 40px 18px; }
      header h1 { margin: 0; font-size: 26px; font-weight: 600; }
      header p { margin: 6px 0 0; color: #cfd8dc; }
      nav { background: #fff; border-bottom: 1px solid #dde1e6; padding: 8px 40px; font-size: 14px; }
      nav a { color: #2f5d9a; margin-right: 18px; text-decoration: none; }
      nav a:hover { text-decoration: underline; }
      main { max-width: 1240px; margin: 0 auto; padding: 8px 40px 40px; }
      section { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 14px 24px 18px;
        margin: 18px 0; }
      h2 { margin: 4px 0 8px; font-size: 20px; font-weight: 600; }
      h3 { margin: 18px 0 6px; font-size: 16px; font-weight: 600; }
      p.how { margin: 0 0 12px; padding: 8px 12px; background: #eef4fb; border-left: 4px solid #4c72b0;
        color: #33414e; }
      p.note { color: #5b6670; font-size: 14px; }
      .grid { display: flex; flex-wrap: wrap; gap: 14px 18px; }
      figure { margin: 0; display: inline-block; vertical-align: top; }
      figure img { display: block; max-width: 100%; height: auto; border: 1px solid #eceff2; }
      figcaption { font-size: 13px; color: #5b6670; text-align: center; margin-top: 3px; }
      table { border-collapse: collapse; font-size: 14px; margin: 6px 0 10px; }
      th, td { padding: 4px 12px; border-bottom: 1px solid #e3e6ea; text-align: left; vertical-align: top; }
      th { background: #f0f2f5; font-weight: 600; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.yes { color: #1a7f37; font-weight: 600; }
      td.no { color: #b42318; font-weight: 600; }
      footer { color: #6e7781; font-size: 12px; text-align: center; padding: 4px 0 24px; }
      """;

  private final StringBuilder body = new StringBuilder();
  private final List<String> sectionIds = new ArrayList<>();
  private final List<String> sectionTitles = new ArrayList<>();
  private int images;
  private boolean sectionOpen;

  /** Starts an empty page. */
  public Page() {
    // Filled by the sections.
  }

  /**
   * Starts a section, closing the previous one.
   *
   * @param id the anchor, e.g. {@code "overview"}
   * @param title the heading
   * @param howToRead one or two sentences on how to read the section
   */
  public void section(String id, String title, String howToRead) {
    closeSection();
    sectionIds.add(id);
    sectionTitles.add(title);
    body.append("<section id=\"").append(escape(id)).append("\">\n<h2>").append(escape(title)).append("</h2>\n")
        .append("<p class=\"how\">").append(escape(howToRead)).append("</p>\n");
    sectionOpen = true;
  }

  /**
   * Adds a sub-heading.
   *
   * @param text the heading
   */
  public void heading(String text) {
    body.append("<h3>").append(escape(text)).append("</h3>\n");
  }

  /**
   * Adds a paragraph.
   *
   * @param text the text
   */
  public void paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
  }

  /**
   * Adds a note in smaller, grey text.
   *
   * @param text the text
   */
  public void note(String text) {
    body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
  }

  /** Opens a row of figures that wraps to the page width. */
  public void openGrid() {
    body.append("<div class=\"grid\">\n");
  }

  /** Closes the row of figures. */
  public void closeGrid() {
    body.append("</div>\n");
  }

  /**
   * Embeds a PNG image with a caption.
   *
   * @param png the image
   * @param width its width in pixels
   * @param height its height in pixels
   * @param alt the text alternative
   * @param caption the caption, or {@code null} for none
   */
  public void image(byte[] png, int width, int height, String alt, @Nullable String caption) {
    images++;
    body.append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" alt=\"")
        .append(escape(alt)).append("\">");
    if (caption != null) {
      body.append("<figcaption>").append(escape(caption)).append("</figcaption>");
    }
    body.append("</figure>\n");
  }

  /**
   * Adds a table.
   *
   * @param header the column headings; none for a table of names and values
   * @param rows the rows, each as wide as the header
   */
  public void table(List<String> header, List<List<Cell>> rows) {
    body.append("<table>\n");
    if (!header.isEmpty()) {
      body.append("<thead><tr>");
      for (String heading : header) {
        body.append("<th>").append(escape(heading)).append("</th>");
      }
      body.append("</tr></thead>\n");
    }
    body.append("<tbody>\n");
    for (List<Cell> row : rows) {
      body.append("<tr>");
      for (Cell cell : row) {
        body.append(cell.css() == null ? "<td>" : "<td class=\"" + escape(cell.css()) + "\">")
            .append(escape(cell.text())).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</tbody>\n</table>\n");
  }

  /**
   * Returns the number of images embedded so far.
   *
   * @return the count
   */
  public int images() {
    return images;
  }

  /**
   * Returns the section titles so far.
   *
   * @return the titles in page order
   */
  public List<String> sections() {
    return List.copyOf(sectionTitles);
  }

  /**
   * Returns the whole document.
   *
   * @param title the page title
   * @param subtitle a line under the title, or {@code null}
   * @param footer the footer text
   * @return the HTML
   */
  public String html(String title, @Nullable String subtitle, String footer) {
    closeSection();
    StringBuilder page = new StringBuilder(body.length() + 4096);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
        .append("</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n");
    if (subtitle != null) {
      page.append("<p>").append(escape(subtitle)).append("</p>\n");
    }
    page.append("</header>\n<nav>");
    for (int i = 0; i < sectionIds.size(); i++) {
      page.append("<a href=\"#").append(escape(sectionIds.get(i))).append("\">").append(escape(sectionTitles.get(i)))
          .append("</a>");
    }
    page.append("</nav>\n<main>\n").append(body).append("</main>\n<footer>").append(escape(footer))
        .append("</footer>\n</body>\n</html>\n");
    return page.toString();
  }

  private void closeSection() {
    if (sectionOpen) {
      body.append("</section>\n");
      sectionOpen = false;
    }
  }

  /**
   * Escapes text for HTML content and attribute values.
   *
   * @param text the text
   * @return the escaped text
   */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
