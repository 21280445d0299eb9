#include "nlp/linear_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "nlp/feature_hash.h"
#include "nlp/model_io.h"
#include "nlp/perceptron.h"

namespace storyline::nlp {
namespace {

// Three classes, each announced by its own feature; a shared feature says nothing.
LinearModel trained_toy_model() {
  PerceptronTrainer trainer(3);
  const uint64_t shared = feature_key(0, 1);
  float scores[3];
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int truth = 0; truth < 3; ++truth) {
      const std::vector<uint64_t> features = {shared, feature_key(1, static_cast<uint64_t>(truth))};
      trainer.score(features, scores);
      int guess = 0;
      for (int c = 1; c < 3; ++c) guess = scores[c] > scores[guess] ? c : guess;
      trainer.update(features, truth, guess);
      trainer.tick();
    }
  }
  return trainer.average(0.0f);
}

int best_class(const LinearModel& model, std::vector<uint64_t> features) {
  std::vector<int32_t> scores(static_cast<size_t>(model.classes()), 0);
  model.score(features.data(), features.size(), scores.data());
  return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

TEST(LinearModel, AveragedPerceptronLearnsASeparableProblem) {
  const LinearModel model = trained_toy_model();
  for (int truth = 0; truth < 3; ++truth) {
    EXPECT_EQ(best_class(model, {feature_key(0, 1), feature_key(1, static_cast<uint64_t>(truth))}), truth);
  }
  // A feature never seen adds nothing.
  std::vector<int32_t> scores(3, 0);
  const uint64_t unseen = feature_key(9, 9);
  model.score(&unseen, 1, scores.data());
  EXPECT_EQ(scores, (std::vector<int32_t>{0, 0, 0}));
}

TEST(LinearModel, WritesAndReadsBackTheSameWeights) {
  const LinearModel model = trained_toy_model();
  ByteWriter out;
  model.write(out);
  ByteReader in(out.bytes());
  LinearModel back;
  ASSERT_TRUE(back.read(in));
  EXPECT_TRUE(in.at_end());
  EXPECT_EQ(back.features(), model.features());
  EXPECT_EQ(back.weights(), model.weights());
  ByteWriter again;
  back.write(again);
  EXPECT_EQ(again.bytes(), out.bytes());
}

TEST(LinearModel, TruncatedOrInconsistentPayloadsAreRefused) {
  const LinearModel model = trained_toy_model();
  ByteWriter out;
  model.write(out);
  for (size_t cut = 0; cut < out.bytes().size(); ++cut) {
    ByteReader in(std::string_view(out.bytes()).substr(0, cut));
    LinearModel back;
    EXPECT_FALSE(back.read(in)) << "cut at " << cut;
  }
}

TEST(LinearModel, PruningDropsSmallWeights) {
  const LinearModel model = trained_toy_model();
  const LinearModel pruned = model.pruned(1e9f);
  EXPECT_EQ(pruned.features(), 0u);
  EXPECT_EQ(model.pruned(0.0f).weights(), model.weights());
}

TEST(ModelFile, HeaderAndPayloadRoundTripAndDamageIsAnError) {
  const std::string path = ::testing::TempDir() + "/storyline_model_file_test.model";
  ModelFile file;
  file.kind = "toy";
  file.header = {{"trained-on", "nothing"}};
  file.payload = std::string(1000, 'x') + "end";
  ASSERT_TRUE(write_model_file(path, file).is_ok());
  auto back = read_model_file(path);
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  EXPECT_EQ(back->kind, "toy");
  EXPECT_EQ(back->header, file.header);
  EXPECT_EQ(back->payload, file.payload);
  // Cut the file in its compressed payload.
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  {
    std::ofstream cut(path, std::ios::binary | std::ios::trunc);
    cut.write(bytes.data(), static_cast<std::streamsize>(bytes.size() - 5));
  }
  auto damaged = read_model_file(path);
  ASSERT_FALSE(damaged.is_ok());
  EXPECT_EQ(damaged.status().code(), StatusCode::kCorrupt);
  EXPECT_FALSE(read_model_file(path + ".missing").is_ok());
  std::remove(path.c_str());
}

TEST(Perceptron, ShuffleIsTheSameForTheSameSeed) {
  std::vector<size_t> a(50), b(50);
  for (size_t i = 0; i < 50; ++i) a[i] = b[i] = i;
  deterministic_shuffle(a, 7);
  deterministic_shuffle(b, 7);
  EXPECT_EQ(a, b);
  std::vector<size_t> c(50);
  for (size_t i = 0; i < 50; ++i) c[i] = i;
  deterministic_shuffle(c, 8);
  EXPECT_NE(a, c);
}

}  // namespace
}  // namespace storyline::nlp
