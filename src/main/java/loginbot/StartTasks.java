package loginbot;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import loginbot.nlu.TrainedNlu;
import loginbot.nlu.TrainingData;
import loginbot.ops.OpsConfig;
import loginbot.store.JdbcStore;
import loginbot.store.Stores;

/**
 * The parts of a start that run beside the main thread while it reads and checks the content: the
 * store opening (it waits on files and the database more than on the CPU), and the intents read,
 * then the model loaded, or trained for edited intents (~1.5 s). Each result is awaited where it is
 * needed; a failure is rethrown unwrapped, as start-up fails on any other.
 */
final class StartTasks {
  private final CompletableFuture<JdbcStore> opening;
  private final CompletableFuture<TrainingData> reading = new CompletableFuture<>();
  private final CompletableFuture<TrainedNlu> training;

  private StartTasks(
      Config config, OpsConfig ops, Clock clock, Function<TrainingData, TrainedNlu> train) {
    Preloader.start();
    opening =
        run(
            "store-open",
            () ->
                Stores.open(config.databaseUrl(), config.dataDir(), clock, ops.databasePoolSize()));
    training =
        run(
            "nlu-training",
            () -> {
              TrainingData read = TrainingData.load(config.intentsDir());
              reading.complete(read);
              return train.apply(read);
            });
    training.exceptionally(
        failure -> {
          reading.completeExceptionally(failure);
          return null;
        });
  }

  /** Starts the tasks; {@code train} turns the intents into the NLU. */
  static StartTasks start(
      Config config, OpsConfig ops, Clock clock, Function<TrainingData, TrainedNlu> train) {
    return new StartTasks(config, ops, clock, train);
  }

  /** The intents, once read: the content is checked against them. */
  TrainingData intents() {
    return await(reading);
  }

  /** The opened store. */
  JdbcStore store() {
    return await(opening);
  }

  /** The NLU, once loaded or trained. */
  TrainedNlu nlu() {
    return await(training);
  }

  boolean nluReady() {
    return training.isDone();
  }

  /** For a start that failed before it took the store: closed once open. */
  void abandonStore() {
    opening.thenAccept(JdbcStore::close);
  }

  private static <T> CompletableFuture<T> run(String thread, Supplier<T> task) {
    return CompletableFuture.supplyAsync(task, work -> new Thread(work, thread).start());
  }

  private static <T> T await(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
