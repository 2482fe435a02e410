import { InMemoryOtpStore } from '../../lib/index.js';
import { otpStoreContract } from './otp-store.contract.js';

describe('InMemoryOtpStore', () => {
  otpStoreContract(async () => {
    const store = new InMemoryOtpStore();
    return { store, peer: store };
  });
});
