package io.cpabench.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's one script. It checks that every chart the generator wrote is in the DOM with a size and
 * then marks {@code <html data-report="ok">}; any script error marks {@code data-report="error"}. The
 * browser check in CI reads that mark. The Content-Security-Policy allows this script by its hash and
 * nothing else, so even markup smuggled in through a result file could not run.
 */
final class PageScript {
    static final String SOURCE = String.join("\n",
            "(function () {",
            "  var root = document.documentElement;",
            "  window.addEventListener('error', function () { root.setAttribute('data-report', 'error'); });",
            "  var expected = Number(document.body.getAttribute('data-charts'));",
            "  var charts = document.querySelectorAll('svg.chart');",
            "  var drawn = 0;",
            "  for (var i = 0; i < charts.length; i++) {",
            "    var box = charts[i].getBoundingClientRect();",
            "    if (box.width > 0 && box.height > 0) { drawn++; }",
            "  }",
            "  root.setAttribute('data-charts-drawn', String(drawn));",
            "  if (root.getAttribute('data-report') !== 'error') {",
            "    root.setAttribute('data-report', drawn === expected ? 'ok' : 'missing-charts');",
            "  }",
            "})();");

    private PageScript() {}

    /** The CSP source for this script: 'sha256-…' of its exact text. */
    static String hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(SOURCE.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
