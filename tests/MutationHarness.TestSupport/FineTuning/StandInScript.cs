namespace MutationHarness.TestSupport.FineTuning;

/// <summary>How every job the stand-in creates behaves: its pace, and whether (and where) it fails.</summary>
/// <param name="StepsPerEpoch">Training steps per epoch; the job has epochs × this many.</param>
/// <param name="StepsPerPoll">Steps the job advances each time a client reads it while running.</param>
/// <param name="QueuedPolls">Reads the job stays queued for.</param>
/// <param name="FailAtStep">Fail (status failed, with <paramref name="FailureCode"/>) once training reaches this step.</param>
public sealed record StandInScript(
    int StepsPerEpoch = 4,
    int StepsPerPoll = 3,
    int QueuedPolls = 1,
    int? FailAtStep = null,
    string FailureCode = "invalid_training_file",
    string FailureMessage = "The job failed due to an invalid training file.");
