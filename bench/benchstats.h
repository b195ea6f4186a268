#pragma once
// Statistics the benchmarks share: medians and percentiles of their rounds or samples.
#include <QList>

#include <algorithm>

namespace benchstats {

/// The median of `v` (the mean of the middle two for an even count); 0 when empty.
inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// The nearest-rank value below which a share `p` (0 to 1) of `v` lies; 0 when empty.
inline double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5));
    return v.at(i);
}

} // namespace benchstats
