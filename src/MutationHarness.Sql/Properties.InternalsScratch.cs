[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("scratch")]
