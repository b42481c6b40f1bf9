using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Polarity;

/// <summary>CTEs take the polarity of their references (SEMANTICS §3): the body of a WITH is walked first and notes
/// the flag and stop at each reference; then each CTE body is walked once, last to first (a CTE may reference
/// earlier ones), with the flag all its references share. References at both polarities, or any below a stop,
/// leave no site in that CTE; so does a recursive WITH, or a CTE nothing references.</summary>
internal sealed partial class SiteWalker
{
    // The CTEs in scope, innermost WITH last; a name resolves to the innermost visible CTE of that name.
    private List<CteInScope>? _ctes;

    // False while walking a CTE that nothing references: what it references is never read either.
    private bool _noting = true;

    private void WalkWith(WithQuery with, bool flag, Stop? stop)
    {
        var scope = with.Ctes.Select(c => new CteInScope(c)).ToList();
        (_ctes ??= []).AddRange(scope);
        var bodyStart = _sites.Count;
        WalkQuery(with.Body, flag, stop, false);
        var bodySites = _sites.GetRange(bodyStart, _sites.Count - bodyStart);
        _sites.RemoveRange(bodyStart, bodySites.Count);

        var cteSites = new List<Site>[scope.Count];
        var outerNoting = _noting;
        for (var i = scope.Count - 1; i >= 0; i--)
        {
            // Only earlier CTEs are visible in a CTE's body (a recursive WITH is never mined, so it needs no more).
            for (var j = 0; j < scope.Count; j++)
            {
                scope[j].Visible = j < i;
            }

            var (cteFlag, cteStop) = with.Recursive ? (flag, stop ?? Stops.RecursiveWith) : scope[i].Polarity(flag, stop);
            _noting = outerNoting && scope[i].References.Count > 0;
            var start = _sites.Count;
            WalkQuery(scope[i].Cte.Body, cteFlag, cteStop, false);
            cteSites[i] = _sites.GetRange(start, _sites.Count - start);
            _sites.RemoveRange(start, cteSites[i].Count);
        }

        _noting = outerNoting;
        _ctes.RemoveRange(_ctes.Count - scope.Count, scope.Count);

        // Sites keep the order of the text: the CTEs first, then the body.
        foreach (var list in cteSites)
        {
            _sites.AddRange(list);
        }

        _sites.AddRange(bodySites);
    }

    /// <summary>A table name that names a CTE in scope is a reference to it, read with this flag (CTE names compare
    /// without case, as MariaDB resolves them).</summary>
    private void NoteReference(TableName name, bool flag, Stop? stop)
    {
        if (_ctes is null || !_noting || name.Parts.Count != 1)
        {
            return;
        }

        for (var i = _ctes.Count - 1; i >= 0; i--)
        {
            if (_ctes[i].Visible && string.Equals(_ctes[i].Cte.Name, name.Parts[0], StringComparison.OrdinalIgnoreCase))
            {
                _ctes[i].References.Add((flag, stop));
                return;
            }
        }
    }

    private sealed class CteInScope(Cte cte)
    {
        public Cte Cte { get; } = cte;

        public bool Visible { get; set; } = true;

        public List<(bool Flag, Stop? Stop)> References { get; } = [];

        /// <summary>The flag the body is walked with, and the stop that keeps its sites from being mined, if any.</summary>
        public (bool Flag, Stop? Stop) Polarity(bool flag, Stop? stop)
        {
            if (stop is not null)
            {
                return (flag, stop);
            }

            if (References.Count == 0)
            {
                return (flag, Stops.CteNeverReferenced(Cte.Name));
            }

            if (References.FirstOrDefault(r => r.Stop is not null) is { Stop: { } below })
            {
                return (flag, Stops.CteBelowStop(Cte.Name, below));
            }

            return References.All(r => r.Flag == References[0].Flag)
                ? (References[0].Flag, null)
                : (flag, Stops.CteAtBothPolarities(Cte.Name));
        }
    }
}
