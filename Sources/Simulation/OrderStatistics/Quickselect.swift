/// Selection of one order statistic without sorting.
enum Quickselect {
    /// The k-th smallest value (0-based) of `a`, by quickselect (Hoare partition, median of
    /// three pivot); reorders `a`. Exact: the same value a full sort would put at index k.
    static func select(_ k: Int, in a: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(k >= 0 && k < a.count)
        var lo = 0, hi = a.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
        }
        return a[k]
    }
}
