// SPDX-License-Identifier: BSD-3-Clause
#include "aboutdialog.h"

#include "about/versions.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Release Console"));
    const LibraryVersions versions = libraryVersions();

    auto *icon = new QLabel;
    icon->setPixmap(windowIcon().pixmap(64, 64));
    auto *text = new QLabel(
        tr("<h3>Release Console %1</h3>"
           "<p>Prepare, send and watch conda package releases built on GitHub Actions "
           "from GitLab sources.</p>"
           "<table><tr><td>Qt</td><td>%2</td></tr>"
           "<tr><td>QtKeychain</td><td>%3</td></tr>"
           "<tr><td>QCA</td><td>%4</td></tr></table>"
           "<p>Licensed under the BSD 3-Clause licence.</p>"
           "<p><a href=\"%5\">Home page</a> · <a href=\"%6\">Report a problem</a></p>")
            .arg(versions.application.toHtmlEscaped(), versions.qt.toHtmlEscaped(),
                 versions.qtKeychain.toHtmlEscaped(), versions.qca.toHtmlEscaped(),
                 QStringLiteral(RC_HOMEPAGE_URL), QStringLiteral(RC_HOMEPAGE_URL "/issues")));
    text->setObjectName(u"aboutText"_s);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setOpenExternalLinks(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
}

}  // namespace rc::ui
