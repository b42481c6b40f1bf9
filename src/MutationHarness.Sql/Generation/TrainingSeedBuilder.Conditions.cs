namespace MutationHarness.Sql.Generation;

/// <summary>Conditions of training seeds: the planted one (possibly under NOT / IS FALSE / NOT EXISTS / NOT IN /
/// ALL, which flip the polarity, or beside AND / OR, IS TRUE, EXISTS, IN, ANY, which keep it) and random ones.</summary>
internal sealed partial class TrainingSeedBuilder
{
    private static readonly string[] GrowingOperators = ["=", "<", ">"];
    private static readonly string[] ShrinkingOperators = [">=", "<=", "!=", "<>"];
    private static readonly string[] AnyOperator = ["=", "<", ">", ">=", "<=", "!=", "<>"];
    private static readonly string[] Quantifiers = ["ANY", "SOME", "ALL"];
    private int _conditionDepth;

    /// <summary>A condition over the scope; with a plant, the plant is made inside it at the asked polarity.
    /// <paramref name="correlate"/>: subqueries may read the scope (not in HAVING, whose scope is the SELECT's aliases).</summary>
    private string Condition(IReadOnlyList<ScopeColumn> scope, Plant? plant, bool flip, bool correlate)
    {
        if (plant is null)
            return RandomCondition(scope, correlate, 2);
        _conditionDepth++;
        try
        {
            return plant.IsCondition ? PlantedLeaf(scope, plant, flip, correlate) : PlantedInSubquery(scope, plant, flip, correlate);
        }
        finally
        {
            _conditionDepth--;
        }
    }

    private string PlantedLeaf(IReadOnlyList<ScopeColumn> scope, Plant plant, bool flip, bool correlate)
    {
        var roll = _conditionDepth < 3 ? random.Next(12) : 0;
        return roll switch
        {
            < 4 when !flip => Leaf(scope, plant, negated: false),
            < 4 => Negatable(plant) && Chance(2) ? Leaf(scope, plant, negated: true) : $"NOT ({Leaf(scope, plant, negated: false)})",
            4 or 5 => Flipping(Condition(scope, plant, !flip, correlate)),
            6 => Keeping(Condition(scope, plant, flip, correlate)),
            7 or 8 => Beside(Condition(scope, plant, flip, correlate), scope, correlate),
            _ when CanNest => Subquery(scope, plant, flip, correlate),
            _ => Flipping(Condition(scope, plant, !flip, correlate)),
        };
    }

    /// <summary>A SELECT part, a set operation or a join can sit in a condition only inside a subquery.</summary>
    private string PlantedInSubquery(IReadOnlyList<ScopeColumn> scope, Plant plant, bool flip, bool correlate)
    {
        var roll = _conditionDepth < 3 ? random.Next(8) : 7;
        return roll switch
        {
            0 => Flipping(Condition(scope, plant, !flip, correlate)),
            1 => Beside(Condition(scope, plant, flip, correlate), scope, correlate),
            _ => Subquery(scope, plant, flip, correlate),
        };
    }

    private string Flipping(string inner) => random.Next(4) switch
    {
        0 => $"({inner}) IS FALSE",
        1 => $"({inner}) IS NOT TRUE",
        _ => $"NOT ({inner})",
    };

    private string Keeping(string inner) => Chance(2) ? $"({inner}) IS TRUE" : $"({inner}) IS NOT FALSE";

    private string Beside(string planted, IReadOnlyList<ScopeColumn> scope, bool correlate)
    {
        var other = RandomCondition(scope, correlate, 1);
        var word = Chance(2) ? "AND" : "OR";
        return Chance(2) ? $"({planted}) {word} ({other})" : $"({other}) {word} ({planted})";
    }

    /// <summary>EXISTS, IN or op ANY/SOME/ALL over a subquery holding the plant (or a random one); NOT EXISTS, NOT IN
    /// and ALL flip the polarity inside.</summary>
    private string Subquery(IReadOnlyList<ScopeColumn> scope, Plant? plant, bool flip, bool correlate)
    {
        var outer = correlate ? scope : [];
        var left = Pick(scope);
        // Deep enough: a plant that can only be made at a query's own polarity is taken there at once.
        var forced = plant is not null && (!CanNest || _conditionDepth >= 3);
        switch (random.Next(3))
        {
            case 0:
            {
                var negated = forced ? flip : Chance(2);
                var (body, _, _) = Query(null, plant, negated ? !flip : flip, outer);
                return $"{(negated ? "NOT " : string.Empty)}EXISTS ({body})";
            }

            case 1:
            {
                var negated = forced ? flip : Chance(2);
                var (body, _, _) = Query([left.IsString], plant, negated ? !flip : flip, outer);
                return $"{left.Ref} {(negated ? "NOT " : string.Empty)}IN ({body})";
            }

            default:
            {
                var quantifier = forced ? (flip ? "ALL" : Pick(Quantifiers[..2])) : Pick(Quantifiers);
                var (body, _, _) = Query([left.IsString], plant, quantifier == "ALL" ? !flip : flip, outer);
                return $"{left.Ref} {Pick(AnyOperator)} {quantifier} ({body})";
            }
        }
    }

    private static bool Negatable(Plant plant) => plant.Kind is not (PlantKind.GrowingComparison or PlantKind.ShrinkingComparison);

    /// <summary>The planted condition itself; <paramref name="negated"/> writes NOT IN / NOT LIKE / NOT REGEXP.</summary>
    private string Leaf(IReadOnlyList<ScopeColumn> scope, Plant plant, bool negated)
    {
        var not = negated ? "NOT " : string.Empty;
        return plant.Kind switch
        {
            PlantKind.GrowingComparison => Comparison(scope, GrowingOperators),
            PlantKind.ShrinkingComparison => Comparison(scope, ShrinkingOperators),
            PlantKind.InList => InList(Pick(scope), not),
            PlantKind.LikeWiden or PlantKind.LikeNarrow => LiteralLike(plant.Kind, not),
            _ => LiteralRegExp(plant.Kind, not),
        };
    }

    private string Comparison(IReadOnlyList<ScopeColumn> scope, IReadOnlyList<string> operators)
    {
        var left = Pick(scope);
        var op = Pick(operators);
        var peers = scope.Where(c => c.IsString == left.IsString && c.Ref != left.Ref).ToList();
        var roll = random.Next(10);
        if (roll < 3 && peers.Count > 0)
            return $"{left.Ref} {op} {Pick(peers).Ref}";
        if (roll == 3 && SpareNest(1))
        {
            var (body, _, _) = Query([left.IsString], null, false, []);
            return $"{left.Ref} {op} {Pick(Quantifiers)} ({body})";
        }

        return $"{left.Ref} {op} {Literal(left.IsString)}";
    }

    private string InList(ScopeColumn left, string not) =>
        $"{left.Ref} {not}IN ({string.Join(", ", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Literal(left.IsString)))})";

    private string RandomCondition(IReadOnlyList<ScopeColumn> scope, bool correlate, int budget)
    {
        var roll = random.Next(budget > 0 ? 14 : 9);
        var left = Pick(scope);
        return roll switch
        {
            < 3 => Comparison(scope, AnyOperator),
            3 => InList(left, Chance(3) ? "NOT " : string.Empty),
            4 => $"{left.Ref} {(Chance(4) ? "NOT " : string.Empty)}BETWEEN {Literal(left.IsString)} AND {Literal(left.IsString)}",
            5 when left.IsString => $"{left.Ref} {(Chance(4) ? "NOT " : string.Empty)}LIKE '{LikePattern(Pick(Words), PlantKind.LikeNarrow)}'",
            6 => Chance(2) ? LiteralLike(null, Chance(4) ? "NOT " : string.Empty) : LiteralRegExp(null, Chance(4) ? "NOT " : string.Empty),
            7 => $"{left.Ref} <=> {Literal(left.IsString)}",
            9 or 10 => $"({RandomCondition(scope, correlate, budget - 1)}) {(Chance(2) ? "AND" : "OR")} ({RandomCondition(scope, correlate, budget - 1)})",
            11 => Chance(2) ? Flipping(RandomCondition(scope, correlate, budget - 1)) : Keeping(RandomCondition(scope, correlate, budget - 1)),
            12 or 13 when SpareNest(1) => Subquery(scope, null, false, correlate),
            _ => Comparison(scope, AnyOperator),
        };
    }
}
