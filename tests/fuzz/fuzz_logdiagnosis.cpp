// SPDX-License-Identifier: BSD-3-Clause
#include "fuzz_check.h"
#include "watch/logdiagnosis.h"

#include <QByteArrayView>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <cstdint>

using namespace Qt::StringLiterals;

namespace {

bool isShowable(const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x20 || (ch.unicode() >= 0x7f && ch.unicode() <= 0x9f))
            return false;
    }
    return true;
}

// The token shapes of GitHub and GitLab: the monitor shows the excerpt in a dialog, and a token a
// build printed (GitHub masks only the secrets it knows) must not be one of them.
bool showsTokenShape(const QString &text)
{
    static const QRegularExpression token(
        u"\\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|glpat-[A-Za-z0-9_-]{16,})"_s);
    return token.match(text).hasMatch();
}

}  // namespace

// The monitor's entry point (MonitorWidget: diagnoseLog on the job log GitHub served, then
// summary and lines shown). Whatever the bytes, diagnoseLog returns (no crash, bounded time) an
// excerpt that keeps its promises: a known kind, a sentence, at most 48 short clean lines, numbered
// when there are any.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView log(reinterpret_cast<const char *>(data), qsizetype(size));
    const rc::watch::LogExcerpt excerpt = rc::watch::diagnoseLog(log);

    static const QStringList kinds = {u"compile-error"_s, u"missing-dependency"_s,
                                      u"test-failure"_s,  u"upload-refused"_s,
                                      u"checksum"_s,      u"patch"_s,
                                      u"unknown"_s};
    RC_FUZZ_CHECK(kinds.contains(excerpt.kind));
    RC_FUZZ_CHECK(!excerpt.summary.isEmpty() && isShowable(excerpt.summary));
    RC_FUZZ_CHECK(excerpt.failingCommand.size() <= 1000 && isShowable(excerpt.failingCommand));
    RC_FUZZ_CHECK(!showsTokenShape(excerpt.failingCommand));
    RC_FUZZ_CHECK(!showsTokenShape(excerpt.summary));
    RC_FUZZ_CHECK(excerpt.logBytes == std::min<qsizetype>(log.size(), rc::watch::kMaxLogBytes));

    qsizetype shown = 0;
    for (const QString &line : excerpt.lines) {
        RC_FUZZ_CHECK(line.size() <= 240 && isShowable(line));
        RC_FUZZ_CHECK(!showsTokenShape(line));
        if (line != u"…"_s)
            ++shown;
    }
    RC_FUZZ_CHECK(shown <= 48);
    RC_FUZZ_CHECK(excerpt.lines.isEmpty() == (excerpt.firstLine == 0));
    RC_FUZZ_CHECK(excerpt.lines.isEmpty() || excerpt.lines.constFirst() != u"…"_s);
    RC_FUZZ_CHECK(excerpt.kind == u"unknown"_s || !excerpt.lines.isEmpty());
    RC_FUZZ_CHECK(excerpt.firstLine <= log.count('\n') + 1);

    // The same bytes give the same answer: nothing depends on state left behind.
    const rc::watch::LogExcerpt again = rc::watch::diagnoseLog(log);
    RC_FUZZ_CHECK(again.kind == excerpt.kind && again.summary == excerpt.summary &&
                  again.lines == excerpt.lines && again.firstLine == excerpt.firstLine);
    return 0;
}
