#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace concurrente {

/// Whether `palette` is a dark theme (light text on a dark base).
bool isDarkPalette(const QPalette &palette = QGuiApplication::palette());

/// Red for error text that stays readable on `palette`'s base: a dark red on a light base, a
/// light red on a dark one (both above 4.5:1 contrast with the usual bases).
QColor errorTextColor(const QPalette &palette = QGuiApplication::palette());

/// WCAG contrast ratio of two colours, 1 (none) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

} // namespace concurrente
