package org.paperlens.web.page;

/** The error page outside /api ({@code error.mustache}): "404 Not Found" and what was not found. */
public record ErrorView(String title, int status, String detail) {}
