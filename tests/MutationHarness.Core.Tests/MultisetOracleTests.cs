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

public sealed class ResultFoldingTests
{
    private static ResultSet Fold(long textBudget, IReadOnlySet<UInt128>? wanted, params string?[][] rows)
    {
        var builder = new ResultSetBuilder(rows.Length == 0 ? 0 : rows[0].Length, textBudget, wanted);
        var hasher = new RowHasher();
        foreach (var cells in rows)
        {
            foreach (var cell in cells)
                hasher.Add(cell);
            var hash = hasher.EndRow();
            var bytes = cells.Sum(c => c?.Length ?? 0);
            if (builder.WantsText(hash, bytes))
                builder.Add(new ResultRow(cells, hash), bytes);
            else
                builder.Add(hash, bytes);
        }
        return builder.Build(hasher.SequenceHash);
    }

    [Fact]
    public void Past_the_text_budget_only_hashes_stay_and_the_oracle_still_judges_exactly()
    {
        // Given a contained side folded with a text budget of 4 bytes, so its text is dropped
        var original = Fold(4, null, ["aa"], ["bb"], ["cc"]);
        var mutant = Fold(1 << 20, null, ["aa"], ["bb"]);

        // When the mutant must contain the original
        var outcome = MultisetOracle.Compare(original, mutant, ExpectedRelation.MutantContainsOriginal);

        // Then the violation is found from the hashes alone, naming the missing row by hash, without its text
        Assert.False(original.AllRowsKept);
        Assert.Empty(original.Rows);
        Assert.Equal(3, original.RowCount);
        Assert.False(outcome.Holds);
        Assert.Equal(RowHasher.Hash(["cc"]), Assert.Single(outcome.Missing).Hash);
        Assert.False(outcome.WitnessComplete);

        // And a re-read that asks for that row keeps its text however small the budget
        var again = Fold(0, new HashSet<UInt128> { RowHasher.Hash(["cc"]) }, ["aa"], ["bb"], ["cc"]);
        Assert.Equal(["cc"], Assert.Single(MultisetOracle.Witness(outcome.Missing, again)).Cells);
    }

    [Fact]
    public void Row_hashes_keep_tuples_apart_and_null_apart_from_the_string_NULL()
    {
        Assert.NotEqual(RowHasher.Hash(["a,b"]), RowHasher.Hash(["a", "b"]));
        Assert.NotEqual(RowHasher.Hash(["ab", ""]), RowHasher.Hash(["a", "b"]));
        Assert.NotEqual(RowHasher.Hash([null]), RowHasher.Hash(["NULL"]));
        Assert.NotEqual(RowHasher.Hash([null]), RowHasher.Hash([""]));
        Assert.Equal(RowHasher.Hash(["x", null]), RowHasher.Hash(["x", null]));
    }

    [Fact]
    public void The_sequence_hash_sees_order_and_the_multiset_does_not()
    {
        var ab = Fold(1 << 20, null, ["a"], ["b"]);
        var ba = Fold(1 << 20, null, ["b"], ["a"]);
        Assert.True(ab.Multiset.SameAs(ba.Multiset));
        Assert.NotEqual(ab.SequenceHash, ba.SequenceHash);
    }
}

public sealed class CellRulesTests
{
    private static readonly ResultColumn Float = new("Float", 31, "binary", "binary");
    private static readonly ResultColumn Double = new("Double", 31, "binary", "binary");
    private static readonly ResultColumn Ci = new("VarString", 0, "utf8mb4_general_ci", "utf8mb4");
    private static readonly ResultColumn Bin = new("VarString", 0, "utf8mb4_bin", "utf8mb4");

    [Fact]
    public void Only_a_type_changing_strategy_compares_numbers_by_value()
    {
        // Given a FLOAT column on one side and DOUBLE on the other
        var rm = CellRules.For([Double], [Float], typesMayChange: true);
        var other = CellRules.For([Double], [Float], typesMayChange: false);

        // Then FixMRmUnionAllL compares by value (the FLOAT widened as the server widens it), anything else exactly
        Assert.Equal(CellRule.Value, Assert.Single(rm.Rules));
        Assert.Equal(rm.ValueKey(0, "12.991000175476074"), rm.ValueKey(0, "12.991"));
        Assert.NotEqual(rm.ValueKey(0, "12.99"), rm.ValueKey(0, "12.991"));
        Assert.Equal(CellRule.Exact, Assert.Single(other.Rules));
    }

    [Fact]
    public void A_float_compares_at_its_own_printed_digits_beside_a_double_or_a_string()
    {
        // Given FixMRmUnionAllL's FLOAT column against the union's DOUBLE or string column
        var beside = CellRules.For([Double], [Float], typesMayChange: true);
        var inText = CellRules.For([new ResultColumn("VarString", 0, "utf8mb4_general_ci", "utf8mb4")], [Float], typesMayChange: true);

        // Then the FLOAT's 6 printed digits decide (MariaDB prints FLOAT 123456.7 as 123457, as DOUBLE 123456.703125,
        // in a string union 123456.70312), and a different FLOAT stays different
        Assert.Equal(beside.ValueKey(0, "123456.703125"), beside.ValueKey(0, "123457"));
        Assert.Equal(inText.ValueKey(0, "123456.70312"), inText.ValueKey(0, "123457"));
        Assert.Equal(inText.ValueKey(0, "12.991000175"), inText.ValueKey(0, "12.991"));
        Assert.Equal(inText.ValueKey(0, "9.9999997e-6"), inText.ValueKey(0, "0.00001"));
        Assert.NotEqual(beside.ValueKey(0, "123456.703125"), beside.ValueKey(0, "123456"));
        Assert.NotEqual(inText.ValueKey(0, "abc"), inText.ValueKey(0, "0"));
    }

    [Fact]
    public void Decimals_compare_by_value_and_zero_has_no_sign()
    {
        var rules = CellRules.For([new ResultColumn("NewDecimal", 1, "binary", "binary")], [new ResultColumn("Long", 0, "binary", "binary")], typesMayChange: true);
        Assert.Equal(rules.ValueKey(0, "1.0"), rules.ValueKey(0, "1"));
        Assert.Equal(rules.ValueKey(0, "0.00010000000000000000"), rules.ValueKey(0, ".0001"));
        Assert.Equal(rules.ValueKey(0, "-0.0"), rules.ValueKey(0, "0"));
        Assert.NotEqual(rules.ValueKey(0, "1.01"), rules.ValueKey(0, "1"));
        Assert.NotEqual(rules.ValueKey(0, "1"), rules.ValueKey(0, "1e0x"));
    }

    [Fact]
    public void Strings_compare_under_a_shared_collation_also_bin_but_never_binary_or_two_different_collations()
    {
        Assert.Equal(CellRule.Collation, Assert.Single(CellRules.For([Ci], [Ci], false).Rules));
        Assert.Equal(CellRule.Collation, Assert.Single(CellRules.For([Bin], [Bin], false).Rules));
        Assert.Equal(CellRule.Exact, Assert.Single(CellRules.For([Ci], [Bin], false).Rules));
        Assert.Equal(CellRule.Exact, Assert.Single(CellRules.For([Double], [Double], true).Rules));
    }
}
