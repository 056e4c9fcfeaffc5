// SPDX-License-Identifier: BSD-3-Clause
// Runs a libFuzzer-style target without libFuzzer: replays the seed corpus, then feeds mutations
// of it (fixed seed, so a failure reproduces) until the time budget is spent.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

using Bytes = std::vector<uint8_t>;

std::vector<Bytes> readCorpus(const std::filesystem::path &folder)
{
    std::vector<Bytes> corpus;
    if (!std::filesystem::is_directory(folder))
        return corpus;
    for (const auto &entry : std::filesystem::directory_iterator(folder)) {
        std::ifstream file(entry.path(), std::ios::binary);
        corpus.emplace_back(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    }
    return corpus;
}

// Characters that matter to the parsers under test, so mutations reach interesting states.
constexpr char kInterestingBytes[] =
    "{}[]\"':,=\\%\r\n\t .-_+!*0123456789abcdefABCDEF\x00\xc3\xa4\xff";

Bytes mutate(Bytes input, const std::vector<Bytes> &corpus, std::mt19937_64 &random)
{
    const int steps = 1 + int(random() % 8);
    for (int i = 0; i < steps; ++i) {
        const size_t position = input.empty() ? 0 : random() % (input.size() + 1);
        switch (random() % 6) {
        case 0:  // insert an interesting byte
            input.insert(input.begin() + long(position),
                         uint8_t(kInterestingBytes[random() % (sizeof(kInterestingBytes) - 1)]));
            break;
        case 1:  // erase a run
            if (!input.empty() && position < input.size()) {
                const size_t length = std::min<size_t>(1 + random() % 16, input.size() - position);
                input.erase(input.begin() + long(position),
                            input.begin() + long(position + length));
            }
            break;
        case 2:  // flip a bit
            if (!input.empty())
                input[random() % input.size()] ^= uint8_t(1u << (random() % 8));
            break;
        case 3:  // splice in a piece of another seed
            if (!corpus.empty()) {
                const Bytes &other = corpus[random() % corpus.size()];
                if (!other.empty()) {
                    const size_t from = random() % other.size();
                    const size_t length = std::min<size_t>(1 + random() % 64, other.size() - from);
                    input.insert(input.begin() + long(position), other.begin() + long(from),
                                 other.begin() + long(from + length));
                }
            }
            break;
        case 4:  // duplicate a run (long inputs, repeated structure)
            if (!input.empty() && position < input.size()) {
                const size_t length = std::min<size_t>(1 + random() % 256, input.size() - position);
                const Bytes piece(input.begin() + long(position),
                                  input.begin() + long(position + length));
                input.insert(input.begin() + long(position), piece.begin(), piece.end());
            }
            break;
        default:  // truncate
            input.resize(position);
            break;
        }
    }
    if (input.size() > 1 << 20)
        input.resize(1 << 20);
    return input;
}

}  // namespace

int main(int argc, char **argv)
{
    double seconds = 4;
    std::vector<Bytes> corpus;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = std::atof(argv[++i]);
        else
            for (Bytes &seed : readCorpus(argv[i]))
                corpus.push_back(std::move(seed));
    }
    corpus.emplace_back();  // the empty input

    for (const Bytes &seed : corpus)
        LLVMFuzzerTestOneInput(seed.data(), seed.size());

    std::mt19937_64 random(20261125);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    long runs = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        for (int i = 0; i < 64; ++i, ++runs) {
            const Bytes input = mutate(corpus[random() % corpus.size()], corpus, random);
            LLVMFuzzerTestOneInput(input.data(), input.size());
        }
    }
    std::printf("%ld inputs from %zu seeds, no failure\n", runs, corpus.size());
    return 0;
}
