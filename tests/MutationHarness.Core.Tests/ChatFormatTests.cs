using System.Text.Json;
using MutationHarness.Core.Chat;

namespace MutationHarness.Core.Tests;

public sealed class ChatFormatTests
{
    private static ChatExample Read(string messages)
    {
        using var document = JsonDocument.Parse(messages);
        return ChatExample.FromJson(document.RootElement);
    }

    [Fact]
    public void The_answer_is_the_last_assistant_message_and_the_question_the_last_user_message_before_it()
    {
        // Given a few-shot example: one worked pair before the real one
        var example = Read("""
            [{"role":"system","content":"S"},{"role":"user","content":"q1"},{"role":"assistant","content":"a1"},
             {"role":"user","content":"q2"},{"role":"assistant","content":"a2"}]
            """);

        // Then the example teaches a2 as the reply to everything before it
        Assert.Equal("S", example.System);
        Assert.Equal("q2", example.Question);
        Assert.Equal("a2", example.Answer);
        Assert.Equal(["system", "user", "assistant", "user"], example.Prompt.Select(m => m.Role));
    }

    [Fact]
    public void An_example_without_an_assistant_message_is_all_prompt_and_no_answer()
    {
        var example = Read("""[{"role":"user","content":"q"}, 7, {"role":3,"content":null}]""");

        Assert.Null(example.Answer);
        Assert.Null(example.System);
        Assert.Equal("q", example.Question);
        // The entry that is not an object is skipped; a role that is not a string reads as empty text.
        Assert.Equal(["user", ""], example.Prompt.Select(m => m.Role));
    }

    [Theory]
    [InlineData("mariadb", "You are an expert in MariaDB statement mutation.")]
    [InlineData("MySQL", "You are an expert in MySQL statement mutation.")]
    [InlineData("tidb", "You are an expert in TiDB statement mutation.")]
    [InlineData("oceanbase", "You are an expert in OceanBase statement mutation.")]
    [InlineData("cockroach", "You are an expert in cockroach statement mutation.")]
    public void The_role_prompt_names_the_dbms_and_reads_back_to_it(string dbms, string expected)
    {
        var system = RolePrompt.SystemMessage(dbms, "Mutate the seed sql.");

        Assert.Equal(expected + " Mutate the seed sql.", system);
        Assert.Equal(dbms.ToLowerInvariant(), RolePrompt.DbmsOf(system));
    }

    [Fact]
    public void A_system_text_without_the_role_prompt_names_no_dbms() =>
        Assert.Null(RolePrompt.DbmsOf("Mutate the seed sql given by user."));
}
