// SPDX-License-Identifier: BSD-3-Clause
#include "welcomepage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rc::ui {

WelcomePage::WelcomePage(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"welcomePage"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Welcome"));
    auto *title = new QLabel(tr("<b>Welcome to Release Console</b>"));
    auto *text = new QLabel(
        tr("A profile says where a recipe's source lives on GitLab and which GitHub workflow "
           "builds it. Create one for your recipe, or first try a whole release in the sandbox: "
           "a local GitLab, GitHub and anaconda.org with demo data, where nothing reaches a real "
           "forge, your keychain or your history."));
    text->setWordWrap(true);
    m_create = new QPushButton(tr("&Create a Profile…"));
    m_create->setObjectName(u"welcomeCreateProfile"_s);
    m_create->setDefault(true);
    m_sandbox = new QPushButton(tr("Try the &Sandbox"));
    m_sandbox->setObjectName(u"welcomeTrySandbox"_s);
    m_sandbox->setToolTip(tr("Opens a second window: release-console --sandbox"));
    connect(m_create, &QPushButton::clicked, this, &WelcomePage::createProfileRequested);
    connect(m_sandbox, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_sandbox);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addLayout(buttons);
}

}  // namespace rc::ui
