# statistics on fixed data; exact results via fractions where possible.
import statistics as st
from fractions import Fraction
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.variance(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mean([Fraction(1, 3), Fraction(2, 3)]), st.fmean([1, 2, 4]), st.geometric_mean([1, 4]) , st.harmonic_mean([1, 2]))
print(st.multimode("aabbc"), st.quantiles(range(1, 11), n=4))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
