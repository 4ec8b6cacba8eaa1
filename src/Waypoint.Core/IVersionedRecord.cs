namespace Waypoint.Core;

/// <summary>
/// A record that people edit, and so may edit at the same time. <see cref="Revision"/> counts its changes: storage
/// raises it on every save and writes only if it is still the revision the editor read (optimistic concurrency,
/// checked by the database as part of the write — see ADR 0010). A new record is revision 0.
/// </summary>
public interface IVersionedRecord
{
    int Revision { get; }
}
