// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "secrets/tokenhealth.h"
#include "secrets/tokenkey.h"

#include <QtCrypto>

#include <functional>
#include <optional>

class QObject;

namespace rc::secrets {

struct TokenHealthReport
{
    // Set when the forge could not be asked at all (network down, TLS, timeout); then `health`
    // says nothing about the token.
    std::optional<QString> networkError;
    TokenHealth health;
};

// The seam between the tokens UI/CLI and the forge clients: asks the forge about a token (GET
// /user, the workflow, a permission-only dispatch check on GitHub; /personal_access_tokens/self
// or /user on GitLab), fills the facts of tokenhealth.h from the forge clients' parsed values and
// evaluates them. ForgeTokenHealthCheck implements it over the forge clients (app/forge), which
// own the transport policy.
class TokenHealthCheck
{
public:
    using Done = std::function<void(TokenHealthReport)>;

    virtual ~TokenHealthCheck() = default;

    // Calls `done` once, later, from the event loop, and only while `context` lives (like the
    // forge clients' calls): destroying `context` drops the answer and may end the check early.
    // `token` is only used to build requests.
    virtual void check(const TokenKey &key, const QCA::SecureArray &token, QObject *context,
                       Done done) = 0;
};

}  // namespace rc::secrets
