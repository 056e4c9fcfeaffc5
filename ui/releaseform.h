// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "release/patchencoding.h"
#include "release/releasespec.h"
#include "release/validation.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace rc::ui {

// The release form: the eight fields of a release, a box to paste a `[conda-build]` commit
// message into, and where the patch comes from. Shows each field's problem next to it as the
// user types; holds no network or file logic.
class ReleaseForm : public QWidget
{
    Q_OBJECT

public:
    explicit ReleaseForm(QWidget *parent = nullptr);

    release::ReleaseSpec spec() const;  // without the patch, which the window generates
    void setSpec(const release::ReleaseSpec &spec);

    QString initFilePath() const { return m_initFilePath; }
    QByteArray initFileContents() const { return m_initFileContents; }
    QString initPathInRepository() const;
    void setInitPathInRepository(const QString &path);
    // Sets the dispatch settings a profile decides.
    void setDispatch(bool repositoryDispatch, const QString &ref);
    // One field, as the user would type it.
    void setField(release::ReleaseField field, const QString &value);
    QString field(release::ReleaseField field) const;
    // Fills from the message's [conda-build] convention; false (nothing changed) without one.
    bool fillFromCommitMessageIfConventional();
    QString author() const;
    void setAuthor(const QString &author);
    void setInitFile(const QString &path, const QByteArray &contents);
    // No __init__.py (yet): the patch waits for one; `why` is shown instead of a file name.
    void clearInitFile(const QString &why);

    QString dispatchRef() const;
    bool isRepositoryDispatch() const;
    release::PatchEncoding patchEncoding() const;
    void setPatchEncoding(release::PatchEncoding encoding);

    void setCommitMessage(const QString &message);
    // The first non-blank line of the commit message box.
    QString commitTitle() const;
    // Shows the problems of the current values; empty fields the user has not visited yet get no
    // message so a new form is not a wall of red.
    void showProblems(const QList<release::FieldProblem> &problems);

signals:
    void changed();
    void initFileRequested();

public slots:
    void fillFromCommitMessage();

private:
    QLineEdit *addField(release::ReleaseField field, const QString &label,
                        const QString &placeholder, QFormLayout *layout);
    QWidget *createReleaseGroup();
    QWidget *createCommitMessageGroup();
    QWidget *createPatchGroup();
    QWidget *createDispatchGroup();

    QHash<release::ReleaseField, QLineEdit *> m_edits;
    QHash<release::ReleaseField, QLabel *> m_problemLabels;
    QPlainTextEdit *m_commitMessage = nullptr;
    QLabel *m_commitMessageNotes = nullptr;
    QLineEdit *m_initPath = nullptr;
    QLineEdit *m_author = nullptr;
    QLabel *m_initFileLabel = nullptr;
    QComboBox *m_dispatchKind = nullptr;
    QLineEdit *m_ref = nullptr;
    QComboBox *m_patchEncoding = nullptr;
    QString m_initFilePath;
    QByteArray m_initFileContents;
};

}  // namespace rc::ui
