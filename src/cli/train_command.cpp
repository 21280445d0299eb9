// storyline train tagger|parser|recognizer: rebuilds a model of
// data/models/ from labelled data (see data/models/README.md for the exact
// commands). Training is deterministic: the same data and flags give the
// same file.
#include <iostream>

#include "cli/commands.h"
#include "core/data_files.h"
#include "entities/kb_gazetteer.h"
#include "nlp/model_training.h"

namespace storyline::cli {

namespace {

std::string command_line(int argc, char** argv) {
  std::string line = "storyline";
  for (int i = 1; i < argc; ++i) line += std::string(" ") + argv[i];
  return line;
}

int finish(const Result<std::string>& result, const std::string& out) {
  if (!result) {
    std::cerr << "storyline train: " << result.status().message() << "\n";
    return result.status().code() == StatusCode::kInvalidInput ? kExitUsage : kExitStoreError;
  }
  std::cerr << "storyline train: wrote " << out << " (dev: " << *result << ")\n";
  return kExitOk;
}

}  // namespace

void add_train_command(CLI::App& app, GlobalOptions& global, std::function<int()>& run, int argc, char** argv) {
  CLI::App* train = app.add_subcommand("train", "Train a model of data/models/ from labelled data");
  train->require_subcommand(1);
  // Defaults chosen on EWT and UNER dev (data/models/README.md).
  struct Kind {
    const char* name;
    const char* help;
    int epochs;
    float min_weight;
    int jackknife;
  };
  const Kind kinds[] = {{"tagger", "Part-of-speech tagger and lemmas from CoNLL-U", 10, 0.0f, 0},
                        {"parser", "Dependency parser from CoNLL-U", 12, 1.0f, 10},
                        {"recognizer", "Named-entity recogniser from IOB2 (Universal NER)", 12, 0.0f, 0}};
  for (const Kind& kind : kinds) {
    auto request = std::make_shared<nlp::ModelTrainingRequest>();
    request->command = command_line(argc, argv);
    request->options.epochs = kind.epochs;
    request->options.min_weight = kind.min_weight;
    request->options.jackknife_folds = kind.jackknife;
    const std::string name = kind.name;
    CLI::App* command = train->add_subcommand(name, kind.help);
    command->add_option("--train", request->train_path, "Training data")->required()->check(CLI::ExistingFile);
    command->add_option("--dev", request->dev_path, "Development data (scored, never trained on)")
        ->required()
        ->check(CLI::ExistingFile);
    command->add_option("--out", request->out_path, "The model file to write")->required();
    command->add_option("--epochs", request->options.epochs, "Passes over the training data")->capture_default_str();
    command->add_option("--seed", request->options.seed, "Seed of the shuffles")->capture_default_str();
    command->add_option("--min-weight", request->options.min_weight, "Drop averaged weights below this")
        ->capture_default_str();
    if (name != "tagger") {
      command->add_option("--tagger", request->tagger_path, "The tagger model whose tags it reads")
          ->required()
          ->check(CLI::ExistingFile);
      command->add_option("--jackknife", request->options.jackknife_folds,
                          "Tag the training data with taggers trained on the other folds")
          ->capture_default_str();
    }
    if (name == "parser") {
      command->add_option("--explore", request->options.explore_probability,
                          "How often to follow the model's own transition (dynamic oracle)")
          ->capture_default_str();
    }
    if (name == "recognizer") {
      command->add_option("--ewt-train", request->ewt_train_path, "CoNLL-U that trains the jack-knife taggers")
          ->check(CLI::ExistingFile);
    }
    command->callback([&global, &run, request, name] {
      run = [&global, request, name]() -> int {
        request->options.log = [](const std::string& line) { std::cerr << line << "\n"; };
        if (name == "tagger") return finish(nlp::train_tagger_model(*request), request->out_path);
        if (name == "parser") return finish(nlp::train_parser_model(*request), request->out_path);
        const std::string data_dir = global.data_dir.empty() ? core::data_dir() : global.data_dir;
        auto kb = entities::KnowledgeBase::load(data_dir);
        if (!kb) {
          std::cerr << "storyline train: " << kb.status().message() << "\n";
          return kExitUsage;
        }
        request->gazetteer = std::make_shared<entities::KbGazetteer>(*kb);
        return finish(nlp::train_recognizer_model(*request), request->out_path);
      };
    });
  }
}

}  // namespace storyline::cli
