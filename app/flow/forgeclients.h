// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/anacondaclient.h"
#include "forge/githubclient.h"
#include "forge/gitlabclient.h"
#include "profiles/profile.h"

namespace rc::flow {

// The three clients a profile talks to, over one transport (which must outlive them).
struct ForgeClients
{
    ForgeClients(forge::Transport *transport, const profiles::Profile &profile)
        : gitLab(transport, profile.gitLabApiUrl())
        , gitHub(transport, profile.gitHubApiUrl)
        , anaconda(transport, profile.anacondaApiUrl)
    { }

    forge::GitLabClient gitLab;
    forge::GitHubClient gitHub;
    forge::AnacondaClient anaconda;
};

}  // namespace rc::flow
