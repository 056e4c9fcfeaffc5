// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>

#include <chrono>

class QSettings;

namespace rc::desktop {

// What the Settings dialog changes, typed and bounded. Stored in QSettings under "app/"; a value
// out of bounds or of the wrong type reads as its default.
struct AppSettings
{
    // Bounds of the run monitor's adaptive poll interval.
    std::chrono::seconds pollMin {3};
    std::chrono::seconds pollMax {60};
    bool notifications = true;  // a desktop notification when a watched release has its outcome
    QString language;           // "" follows the system; else a language code such as "sv"

    static constexpr std::chrono::seconds kPollMinLowest {1};
    static constexpr std::chrono::seconds kPollMinHighest {60};
    static constexpr std::chrono::seconds kPollMaxHighest {600};

    // Empty when the values can be saved; else one sentence saying what is wrong.
    QString problem() const;

    static AppSettings load(const QSettings &settings);
    // Only valid settings are saved; returns problem() (empty on success).
    QString save(QSettings &settings) const;

    friend bool operator==(const AppSettings &, const AppSettings &) = default;
};

// The languages the app is translated into, as codes: "en" (the source) and "sv".
QStringList availableLanguages();

}  // namespace rc::desktop
