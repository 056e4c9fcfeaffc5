// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rc::flow {

// The title GitHub gives a run of a workflow whose `run-name` only reads the dispatch's values
// (`${{ inputs.x }}`, `${{ github.event.inputs.x }}`, `${{ github.event.client_payload.x }}`),
// from the body that was sent. nullopt when the template holds any other expression (it cannot
// be known here) or names a value the body lacks.
std::optional<QString> expectedRunTitle(const QString &runName, const QByteArray &body);

}  // namespace rc::flow
