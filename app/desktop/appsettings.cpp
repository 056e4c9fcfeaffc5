// SPDX-License-Identifier: BSD-3-Clause
#include "desktop/appsettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace rc::desktop {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::desktop::AppSettings)
};

const QString kPollMinKey = u"app/pollMinSeconds"_s;
const QString kPollMaxKey = u"app/pollMaxSeconds"_s;
const QString kNotificationsKey = u"app/notifications"_s;
const QString kLanguageKey = u"app/language"_s;

std::chrono::seconds secondsIn(const QSettings &settings, const QString &key,
                               std::chrono::seconds fallback)
{
    bool ok = false;
    const qint64 value = settings.value(key).toLongLong(&ok);
    return ok ? std::chrono::seconds(value) : fallback;
}

}  // namespace

QStringList availableLanguages()
{
    return {u"en"_s, u"sv"_s};
}

QString AppSettings::problem() const
{
    if (pollMin < kPollMinLowest || pollMin > kPollMinHighest)
        return Text::tr("The shortest poll interval must be between %1 and %2 seconds.")
            .arg(kPollMinLowest.count())
            .arg(kPollMinHighest.count());
    if (pollMax < pollMin || pollMax > kPollMaxHighest)
        return Text::tr("The longest poll interval must be between the shortest (%1 s) and %2 "
                        "seconds.")
            .arg(pollMin.count())
            .arg(kPollMaxHighest.count());
    if (!language.isEmpty() && !availableLanguages().contains(language))
        return Text::tr("“%1” is not a language Release Console is translated into.")
            .arg(language.left(16));
    return {};
}

AppSettings AppSettings::load(const QSettings &settings)
{
    const AppSettings defaults;
    AppSettings loaded;
    loaded.pollMin = secondsIn(settings, kPollMinKey, defaults.pollMin);
    loaded.pollMax = secondsIn(settings, kPollMaxKey, defaults.pollMax);
    loaded.notifications = settings.value(kNotificationsKey, defaults.notifications).toBool();
    loaded.language = settings.value(kLanguageKey).toString();
    // Whatever a hand-edited file holds, what is used is valid: the defaults where it is not.
    if (loaded.pollMin < kPollMinLowest || loaded.pollMin > kPollMinHighest)
        loaded.pollMin = defaults.pollMin;
    if (loaded.pollMax < loaded.pollMin || loaded.pollMax > kPollMaxHighest)
        loaded.pollMax = std::max(defaults.pollMax, loaded.pollMin);
    if (!loaded.language.isEmpty() && !availableLanguages().contains(loaded.language))
        loaded.language.clear();
    return loaded;
}

QString AppSettings::save(QSettings &settings) const
{
    const QString why = problem();
    if (!why.isEmpty())
        return why;
    settings.setValue(kPollMinKey, qint64(pollMin.count()));
    settings.setValue(kPollMaxKey, qint64(pollMax.count()));
    settings.setValue(kNotificationsKey, notifications);
    settings.setValue(kLanguageKey, language);
    settings.sync();
    return {};
}

}  // namespace rc::desktop
