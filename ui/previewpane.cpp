// SPDX-License-Identifier: BSD-3-Clause
#include "previewpane.h"

#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

QPlainTextEdit *createCodeView(const QString &objectName, const QString &accessibleName)
{
    auto *view = new QPlainTextEdit;
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return view;
}

QLabel *createStatusLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

}  // namespace

PreviewPane::PreviewPane(QWidget *parent)
    : QWidget(parent)
{
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"previewTabs"_s);

    auto *payloadPage = new QWidget;
    auto *payloadLayout = new QVBoxLayout(payloadPage);
    m_payloadStatus = createStatusLabel(u"payloadStatus"_s);
    m_json = createCodeView(u"payloadJson"_s, tr("Dispatch JSON"));
    // The patch is one long JSON string: wrap so the whole body can be read without scrolling.
    m_json->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_json->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    payloadLayout->addWidget(m_payloadStatus);
    payloadLayout->addWidget(m_json, 1);
    m_tabs->addTab(payloadPage, tr("&JSON to send"));

    auto *patchPage = new QWidget;
    auto *patchLayout = new QVBoxLayout(patchPage);
    m_patchStatus = createStatusLabel(u"patchStatus"_s);
    m_patch = createCodeView(u"patchText"_s, tr("Generated patch"));
    m_lintNotes = new QListWidget;
    m_lintNotes->setObjectName(u"patchLintNotes"_s);
    m_lintNotes->setAccessibleName(tr("Patch safety notes"));
    m_lintNotes->setMaximumHeight(m_lintNotes->fontMetrics().lineSpacing() * 6);
    patchLayout->addWidget(m_patchStatus);
    patchLayout->addWidget(m_patch, 1);
    patchLayout->addWidget(m_lintNotes);
    m_tabs->addTab(patchPage, tr("&Patch"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void PreviewPane::showPayload(const release::Payload &payload, int problemCount)
{
    const QString pretty = QString::fromUtf8(release::prettyJson(payload.json));
    if (m_json->toPlainText() != pretty)
        m_json->setPlainText(pretty);

    const QLocale locale;
    QString status =
        tr("%1 of %2 characters")
            .arg(locale.toString(payload.measuredSize), locale.toString(payload.limit));
    if (!payload.ok())
        status += u" — "_s + payload.error;
    else if (problemCount > 0)
        status += u" — "_s +
            (problemCount == 1 ? tr("not ready: 1 problem to fix")
                               : tr("not ready: %1 problems to fix").arg(problemCount));
    else
        status += u" — "_s + tr("ready to send");
    m_payloadStatus->setText(status);
}

void PreviewPane::showPatch(const QString &patch, const QString &unavailableReason,
                            const QList<release::PatchLintNote> &notes,
                            release::PatchEncoding encoding)
{
    if (m_patch->toPlainText() != patch)
        m_patch->setPlainText(patch);
    if (!unavailableReason.isEmpty()) {
        m_patchStatus->setText(unavailableReason);
    } else {
        const QLocale locale;
        const QString size = tr("%1 bytes").arg(locale.toString(patch.toUtf8().size()));
        const QString carried = encoding == release::PatchEncoding::Printf
            ? tr("sent encoded for printf '…' (%, \\ and ' escaped), so the runner writes "
                 "exactly this file")
            : tr("sent as is (raw): the workflow reads it from an environment variable");
        m_patchStatus->setText(notes.isEmpty()
                                   ? tr("%1; %2").arg(size, carried)
                                   : tr("%1; %2 problems below").arg(size).arg(notes.size()));
        m_patchStatus->setToolTip(carried);
    }
    m_lintNotes->clear();
    for (const release::PatchLintNote &note : notes) {
        const QString prefix =
            note.severity == release::PatchLintNote::Severity::Error ? tr("Error") : tr("Warning");
        m_lintNotes->addItem(prefix + u": "_s + note.message);
    }
    m_lintNotes->setVisible(!notes.isEmpty());
}

QString PreviewPane::payloadText() const
{
    return m_json->toPlainText();
}

}  // namespace rc::ui
