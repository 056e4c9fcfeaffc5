// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/anacondaclient.h"
#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "profiles/profile.h"

namespace rc::flow {

// The three clients a profile talks to, over one transport (which must outlive them). Building
// them makes the transport trust the profile's certificate files for its forges' origins.
struct ForgeClients
{
    ForgeClients(forge::Transport *transport, const profiles::Profile &profile);

    forge::GitLabClient gitLab;
    forge::GitHubClient gitHub;
    forge::AnacondaClient anaconda;
};

// Pins (or, for an empty field, unpins) the profile's certificate files on the transport for
// the GitLab instance's and the GitHub API's origins. An unreadable file pins nothing: TLS then
// refuses the forge as the system would; validateProfile() names the file.
void trustProfileCertificates(forge::Transport &transport, const profiles::Profile &profile);

}  // namespace rc::flow
