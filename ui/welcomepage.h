// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QFrame>

class QPushButton;

namespace rc::ui {

// What a first start shows above the form while there is no profile: create one, or try a
// whole release in the sandbox (a second window with demo data, apart from everything real).
class WelcomePage : public QFrame
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    QPushButton *createButton() const { return m_create; }
    QPushButton *sandboxButton() const { return m_sandbox; }

signals:
    void createProfileRequested();
    void sandboxRequested();

private:
    QPushButton *m_create = nullptr;
    QPushButton *m_sandbox = nullptr;
};

}  // namespace rc::ui
