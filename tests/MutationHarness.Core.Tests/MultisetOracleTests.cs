using MutationHarness.Core.Results;

namespace MutationHarness.Core.Tests;

public sealed class MultisetOracleTests
{
    private static ResultSet Rows(int columns, params string?[][] rows) =>
        new(columns, rows.Select(r => new ResultRow(r)).ToList());

    [Fact]
    public void Duplicates_count_so_a_lost_copy_breaks_an_upper_relation()
    {
        // Given an original with a row twice and a mutant with it once
        var original = Rows(1, ["1"], ["1"]);
        var mutant = Rows(1, ["1"]);

        // When the mutant must contain the original
        var outcome = MultisetOracle.Compare(original, mutant, ExpectedRelation.MutantContainsOriginal);

        // Then the relation breaks, and the witness names the row with both counts
        Assert.False(outcome.Holds);
        var witness = Assert.Single(outcome.Witness);
        Assert.Equal(["1"], witness.Cells);
        Assert.Equal((2, 1), (witness.CountInContained, witness.CountInContainer));
    }

    [Fact]
    public void Order_of_rows_does_not_matter()
    {
        var outcome = MultisetOracle.Compare(Rows(1, ["a"], ["b"]), Rows(1, ["b"], ["a"], ["c"]), ExpectedRelation.MutantContainsOriginal);
        Assert.True(outcome.Holds);
    }

    [Fact]
    public void Sql_null_is_not_the_string_NULL()
    {
        var outcome = MultisetOracle.Compare(Rows(1, [(string?)null]), Rows(1, ["NULL"]), ExpectedRelation.MutantContainsOriginal);
        Assert.False(outcome.Holds);
        Assert.Null(Assert.Single(outcome.Witness).Cells[0]);
    }

    [Fact]
    public void A_row_is_a_tuple_not_a_joined_string()
    {
        // ('a,b') must differ from ('a','b'), whatever separator a naive join would use.
        var outcome = MultisetOracle.Compare(Rows(1, ["a,b"]), Rows(2, ["a", "b"]), ExpectedRelation.MutantContainsOriginal);
        Assert.False(outcome.Holds);
        Assert.Contains("column count", outcome.Problem, StringComparison.Ordinal);
        Assert.NotEqual(new ResultRow(["a\u0001b"]), new ResultRow(["a", "b"]));
    }

    [Fact]
    public void Cells_compare_as_exact_text_so_zero_and_zero_point_zero_differ()
    {
        var outcome = MultisetOracle.Compare(Rows(1, ["0"]), Rows(1, ["0.0"]), ExpectedRelation.OriginalContainsMutant);
        Assert.False(outcome.Holds);
        Assert.Equal(["0.0"], Assert.Single(outcome.Witness).Cells);
    }

    [Fact]
    public void Column_count_mismatch_is_a_violation_when_rows_must_be_contained()
    {
        var outcome = MultisetOracle.Compare(Rows(2, ["1", "2"]), Rows(1, ["1"]), ExpectedRelation.MutantContainsOriginal);
        Assert.False(outcome.Holds);
        Assert.Empty(outcome.Witness);
    }

    [Fact]
    public void The_empty_set_is_contained_in_anything()
    {
        Assert.True(MultisetOracle.Compare(Rows(3), Rows(1, ["x"]), ExpectedRelation.MutantContainsOriginal).Holds);
        Assert.True(MultisetOracle.Compare(Rows(1, ["x"]), Rows(2), ExpectedRelation.OriginalContainsMutant).Holds);
        Assert.False(MultisetOracle.Compare(Rows(1, ["x"]), Rows(1), ExpectedRelation.MutantContainsOriginal).Holds);
    }

    [Fact]
    public void Equality_satisfies_both_directions()
    {
        var same = Rows(2, ["1", null], ["2", "b"]);
        Assert.True(MultisetOracle.Compare(same, same, ExpectedRelation.MutantContainsOriginal).Holds);
        Assert.True(MultisetOracle.Compare(same, same, ExpectedRelation.OriginalContainsMutant).Holds);
    }

    [Fact]
    public void The_witness_is_only_the_rows_that_break_containment()
    {
        // Given a lower mutation whose mutant gained one row and kept the rest
        var original = Rows(1, ["1"], ["2"], ["3"]);
        var mutant = Rows(1, ["1"], ["2"], ["9"]);

        var outcome = MultisetOracle.Compare(original, mutant, ExpectedRelation.OriginalContainsMutant);

        Assert.False(outcome.Holds);
        Assert.Equal(["9"], Assert.Single(outcome.Witness).Cells);
    }

    [Fact]
    public void Both_equal_is_reported_whatever_the_row_order_and_only_when_the_multisets_match()
    {
        Assert.True(MultisetOracle.Compare(Rows(1, ["a"], ["b"]), Rows(1, ["a"], ["b"]), ExpectedRelation.MutantContainsOriginal).BothEqual);
        Assert.True(MultisetOracle.Compare(Rows(1, ["a"], ["b"]), Rows(1, ["b"], ["a"]), ExpectedRelation.OriginalContainsMutant).BothEqual);
        Assert.False(MultisetOracle.Compare(Rows(1, ["a"]), Rows(1, ["a"], ["a"]), ExpectedRelation.MutantContainsOriginal).BothEqual);
        Assert.False(MultisetOracle.Compare(Rows(1), Rows(1, ["a"]), ExpectedRelation.MutantContainsOriginal).BothEqual);
        Assert.True(MultisetOracle.Compare(Rows(1), Rows(2), ExpectedRelation.MutantContainsOriginal).Holds);
    }
}
