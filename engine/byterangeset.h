// ByteRangeSet: a set of half-open byte ranges [start, end), kept merged and sorted. The
// scheduler uses it for "bytes not yet handed out" and "bytes received".
#pragma once

#include <QList>
#include <QtGlobal>

#include <map>
#include <utility>

namespace bytehaul {

class ByteRangeSet final
{
public:
    using Range = std::pair<qint64, qint64>;

    void add(qint64 start, qint64 end);
    void remove(qint64 start, qint64 end);
    bool covers(qint64 start, qint64 end) const;
    bool isEmpty() const { return m_ranges.empty(); }
    qint64 totalBytes() const;
    Range largest() const; // {0,0} when empty
    QList<Range> ranges() const;
    void clear() { m_ranges.clear(); }

private:
    std::map<qint64, qint64> m_ranges; // start -> end
};

} // namespace bytehaul
