using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Tests.Support;

/// <summary>
/// A few documents of another corpus to put the article among (written after Python's own documentation): paragraphs
/// of a programming manual, and a changelog's "see also" lines, a line or two each, with almost nothing to say.
/// </summary>
public static class OtherDocuments
{
    /// <summary>The file of the "see also" lines.</summary>
    public const string SeeAlso = "other4.rst.txt";

    private static readonly string[][] Documents =
    [
        [
            "The pathlib module offers classes representing filesystem paths with semantics appropriate for different operating systems. Path classes are divided between pure paths, which provide purely computational operations without I/O, and concrete paths, which inherit from pure paths but also provide I/O operations.",
            "If you've never used this module before or just aren't sure which class is right for your task, Path is most likely what you need. It instantiates a concrete path for the platform the code is running on.",
            "Pure path objects provide path-handling operations which don't actually access a filesystem. There are three ways to access these classes, which we also call flavours.",
        ],
        [
            "The logging module defines functions and classes which implement a flexible event logging system for applications and libraries. The key benefit of having the logging API provided by a standard library module is that all Python modules can participate in logging.",
            "Loggers have attributes and methods. Note that Loggers should never be instantiated directly, but always through the module-level function getLogger(name). Multiple calls with the same name will always return a reference to the same Logger object.",
            "Handlers send the log records created by loggers to the appropriate destination, such as a file, a socket or the console. Formatters specify the layout of log records in the final output.",
        ],
        [
            "The asyncio package is a library to write concurrent code using the async and await syntax. It is used as a foundation for multiple asynchronous frameworks that provide high-performance network and web servers, database connection libraries and distributed task queues.",
            "The event loop is the core of every asyncio application. Event loops run asynchronous tasks and callbacks, perform network IO operations, and run subprocesses.",
            "Coroutines declared with the async/await syntax are the preferred way of writing asyncio applications. Simply calling a coroutine will not schedule it to be executed.",
        ],
        [
            ":pep:`436` -- The Argument Clinic DSL\n   PEP written and implemented by Larry Hastings.",
            ":pep:`442` -- Safe object finalization\n   PEP written and implemented by Antoine Pitrou.",
            ":pep:`443` -- Single-dispatch generic functions\n   PEP written and implemented by Łukasz Langa.",
            ":pep:`446` -- Make newly created file descriptors non-inheritable\n   PEP written and implemented by Victor Stinner.",
            ":pep:`429` -- Python 3.4 Release Schedule",
        ],
    ];

    /// <summary>The passages of every document, one per paragraph, each document a file of its own.</summary>
    public static IEnumerable<Passage> Passages() =>
        Documents.SelectMany((paragraphs, d) => paragraphs.Select((text, p) =>
            new Passage($"other{d + 1}.rst.txt#p{p + 1}", $"Other {d + 1}", [], text, 0, text.Length, $"other{d + 1}.rst.txt")));
}
