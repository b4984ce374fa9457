// EIP-2537 gas schedule: fixed prices and the MSM discount tables (final EIP version, as
// activated in Prague; the same values as the execution-specs' prague bls12_381 module).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace paraevm::bls12_381::gas {

inline constexpr int64_t kG1Add = 375;
inline constexpr int64_t kG1Mul = 12000;
inline constexpr int64_t kG2Add = 600;
inline constexpr int64_t kG2Mul = 22500;
inline constexpr int64_t kPairingPerPair = 32600;
inline constexpr int64_t kPairingBase = 37700;
inline constexpr int64_t kMapFpToG1 = 5500;
inline constexpr int64_t kMapFp2ToG2 = 23800;
inline constexpr int64_t kMultiplier = 1000;

/// Discount per point count k = 1..128 (per mille); k > 128 uses the last entry.
inline constexpr std::array<uint16_t, 128> kG1Discount = {
    1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665,
    661,  658, 654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615,
    613,  611, 609, 608, 606, 604, 603, 601, 599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585,
    584,  582, 581, 580, 579, 577, 576, 575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563,
    562,  561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545,
    544,  543, 542, 541, 540, 540, 539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529,
    528,  528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520, 520, 519};
inline constexpr std::array<uint16_t, 128> kG2Discount = {
    1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699,
    693,  688,  683, 679, 674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629,
    627,  624,  622, 620, 618, 615, 613, 611, 609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592,
    590,  589,  587, 586, 584, 583, 582, 580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567,
    566,  565,  563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548,
    547,  546,  545, 545, 544, 543, 542, 541, 541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533,
    532,  532,  531, 530, 530, 529, 528, 528, 527, 526, 526, 525, 524, 524};

/// k * per_point * discount(k) / 1000 for k >= 1 points. k is bounded by the call's input
/// size, so the product fits in 64 bits.
constexpr int64_t msm(size_t k, int64_t per_point, const std::array<uint16_t, 128>& discount) {
  const int64_t d = k <= discount.size() ? discount[k - 1] : discount.back();
  return int64_t(k) * per_point * d / kMultiplier;
}

}  // namespace paraevm::bls12_381::gas
