// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QDialog>

namespace rc::ui {

// Help > About: what this is and the versions of Qt, QtKeychain and QCA it runs with.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

}  // namespace rc::ui
