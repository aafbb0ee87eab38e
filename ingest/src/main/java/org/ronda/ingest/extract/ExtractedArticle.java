package org.ronda.ingest.extract;

import java.time.Instant;

/**
 * What extraction found on an article page.
 *
 * @param title        headline, never blank
 * @param text         body text without boilerplate, paragraphs separated by a blank line; may be empty
 * @param author       byline, or null
 * @param published    publication time, or null when the page states none (never in the future)
 * @param language     the page's declared language (BCP 47 primary tag), or null
 * @param canonicalUrl the page's canonical URL, or null
 */
public record ExtractedArticle(String title, String text, String author, Instant published, String language, String canonicalUrl) {
}
