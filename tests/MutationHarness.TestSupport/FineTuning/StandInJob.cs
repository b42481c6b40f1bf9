using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MutationHarness.TestSupport.FineTuning;

/// <summary>One job of the stand-in: it moves on one stage each time a client reads it, logging events as the real service does.</summary>
internal sealed class StandInJob
{
    private readonly object _gate = new();
    private readonly StandInScript _script;
    private readonly List<JsonObject> _events = [];
    private readonly List<JsonObject> _checkpoints = [];
    private readonly Func<string, string, string> _storeResult;
    private int _reads;
    private int _step;
    private JsonObject? _error;
    private string? _fineTunedModel;
    private string? _resultFile;

    public StandInJob(string id, JsonNode request, StandInScript script, long createdAt, Func<string, string, string> storeResult)
    {
        Id = id;
        Request = request;
        _script = script;
        CreatedAt = createdAt;
        _storeResult = storeResult;
        Epochs = (int?)request["method"]?["supervised"]?["hyperparameters"]?["n_epochs"] ?? 3;
        Status = "validating_files";
        Log("info", $"Created fine-tuning job: {id}");
    }

    public string Id { get; }

    public JsonNode Request { get; }

    public long CreatedAt { get; }

    public int Epochs { get; }

    public string Status { get; private set; }

    private int TotalSteps => Epochs * _script.StepsPerEpoch;

    /// <summary>The job as a client reading it now sees it; the read moves it on.</summary>
    public JsonObject Read()
    {
        lock (_gate)
        {
            Advance();
            return Describe();
        }
    }

    public JsonObject Cancel()
    {
        lock (_gate)
        {
            if (Status is not ("succeeded" or "failed" or "cancelled"))
            {
                Status = "cancelled";
                Log("info", "Fine-tuning job cancelled");
            }
            return Describe();
        }
    }

    /// <summary>Events newest first, after the one named <paramref name="after"/>.</summary>
    public (List<JsonObject> Page, bool HasMore) Events(string? after, int limit)
    {
        lock (_gate)
        {
            var newestFirst = Enumerable.Reverse(_events).ToList();
            var start = after is null ? 0 : newestFirst.FindIndex(e => (string?)e["id"] == after) + 1;
            var page = newestFirst.Skip(start).Take(limit).Select(e => (JsonObject)e.DeepClone()).ToList();
            return (page, start + page.Count < newestFirst.Count);
        }
    }

    public List<JsonObject> Checkpoints()
    {
        lock (_gate)
            return Enumerable.Reverse(_checkpoints).Select(c => (JsonObject)c.DeepClone()).ToList();
    }

    private void Advance()
    {
        _reads++;
        if (Status == "validating_files")
        {
            Status = "queued";
            Log("info", "Validating training file: " + Request["training_file"]);
        }
        else if (Status == "queued" && _reads > 1 + _script.QueuedPolls)
        {
            Status = "running";
            Log("info", "Fine-tuning job started");
        }
        else if (Status == "running")
        {
            Train();
        }
    }

    private void Train()
    {
        for (var i = 0; i < _script.StepsPerPoll && _step < TotalSteps; i++)
        {
            _step++;
            if (_step == _script.FailAtStep)
            {
                Status = "failed";
                _error = new JsonObject { ["code"] = _script.FailureCode, ["message"] = _script.FailureMessage, ["param"] = "training_file" };
                Log("error", _script.FailureMessage);
                return;
            }
            var metrics = Metrics(_step);
            Log("info", string.Create(CultureInfo.InvariantCulture, $"Step {_step}/{TotalSteps}: training loss={(double)metrics["train_loss"]!:0.00}"), metrics, "metrics");
            if (_step % _script.StepsPerEpoch == 0 && _step / _script.StepsPerEpoch > Epochs - 3)
                Checkpoint(_step);
        }
        if (_step == TotalSteps)
            Finish();
    }

    private void Checkpoint(int step)
    {
        var suffix = (string?)Request["suffix"] ?? "";
        _checkpoints.Add(new JsonObject
        {
            ["object"] = "fine_tuning.job.checkpoint",
            ["id"] = $"ftckpt_{Id[6..]}{step}",
            ["created_at"] = CreatedAt + step,
            ["fine_tuned_model_checkpoint"] = $"ft:{Request["model"]}:standin:{suffix}:{Id[6..]}:ckpt-step-{step}",
            ["fine_tuning_job_id"] = Id,
            ["step_number"] = step,
            ["metrics"] = Metrics(step, full: true),
        });
    }

    private void Finish()
    {
        _fineTunedModel = $"ft:{Request["model"]}:standin:{(string?)Request["suffix"] ?? ""}:{Id[6..]}";
        var csv = new StringBuilder("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n");
        for (var s = 1; s <= TotalSteps; s++)
        {
            var m = Metrics(s);
            csv.Append(CultureInfo.InvariantCulture, $"{s},{(double)m["train_loss"]!:R},{(double)m["train_mean_token_accuracy"]!:R},");
            csv.Append(m["valid_loss"] is { } v ? ((double)v).ToString("R", CultureInfo.InvariantCulture) : "").Append(',');
            csv.Append(m["valid_mean_token_accuracy"] is { } a ? ((double)a).ToString("R", CultureInfo.InvariantCulture) : "").Append('\n');
        }
        // The public API serves a result file's content base64-encoded.
        _resultFile = _storeResult("step_metrics.csv", Convert.ToBase64String(Encoding.UTF8.GetBytes(csv.ToString())));
        Status = "succeeded";
        Log("info", $"New fine-tuned model created: {_fineTunedModel}");
        Log("info", "The job has successfully completed");
    }

    private JsonObject Metrics(int step, bool full = false)
    {
        var metrics = new JsonObject
        {
            ["step"] = step,
            ["total_steps"] = TotalSteps,
            ["train_loss"] = Math.Round(2.0 / (1 + (0.5 * step)), 6),
            ["train_mean_token_accuracy"] = Math.Round(1 - (0.5 / (1 + step)), 6),
        };
        if (step % _script.StepsPerEpoch == 0)
        {
            metrics["valid_loss"] = Math.Round(2.2 / (1 + (0.4 * step)), 6);
            metrics["valid_mean_token_accuracy"] = Math.Round(1 - (0.6 / (1 + step)), 6);
        }
        if (full)
        {
            metrics["full_valid_loss"] = Math.Round(2.4 / (1 + (0.4 * step)), 6);
            metrics["full_valid_mean_token_accuracy"] = Math.Round(1 - (0.7 / (1 + step)), 6);
        }
        return metrics;
    }

    private void Log(string level, string message, JsonObject? data = null, string type = "message") =>
        _events.Add(new JsonObject
        {
            ["object"] = "fine_tuning.job.event",
            ["id"] = $"ftevent-{Id[6..]}-{_events.Count + 1}",
            ["created_at"] = CreatedAt + _events.Count,
            ["level"] = level,
            ["message"] = message,
            ["data"] = data ?? new JsonObject(),
            ["type"] = type,
        });

    private JsonObject Describe()
    {
        var hyper = new JsonObject { ["n_epochs"] = Epochs, ["batch_size"] = 1, ["learning_rate_multiplier"] = 1.8 };
        return new JsonObject
        {
            ["object"] = "fine_tuning.job",
            ["id"] = Id,
            ["model"] = (string?)Request["model"],
            ["created_at"] = CreatedAt,
            ["finished_at"] = Status is "succeeded" or "failed" or "cancelled" ? CreatedAt + 600 : null,
            ["fine_tuned_model"] = _fineTunedModel,
            ["organization_id"] = "org-standin",
            ["result_files"] = _resultFile is null ? new JsonArray() : new JsonArray(_resultFile),
            ["status"] = Status,
            ["validation_file"] = (string?)Request["validation_file"],
            ["training_file"] = (string?)Request["training_file"],
            ["hyperparameters"] = hyper.DeepClone(),
            ["trained_tokens"] = Status == "succeeded" ? 1234 * Epochs : null,
            ["error"] = _error?.DeepClone(),
            ["user_provided_suffix"] = (string?)Request["suffix"],
            ["seed"] = (int?)Request["seed"] ?? 42,
            ["estimated_finish"] = null,
            ["integrations"] = new JsonArray(),
            ["method"] = new JsonObject { ["type"] = "supervised", ["supervised"] = new JsonObject { ["hyperparameters"] = hyper } },
            ["metadata"] = null,
        };
    }
}
